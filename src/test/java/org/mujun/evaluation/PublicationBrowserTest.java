package org.mujun.evaluation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.BrowserTestBase;
import org.mujun.TestFixture;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.EvaluationSchemes.SchemeVersion;
import org.mujun.security.Role;
import org.mujun.security.Scope;
import org.mujun.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * In a real browser: the county administrator publicises a run; the enterprise (its own account, its own
 * enterprise in 白水洋镇 331082106) signs in, sees its result and files an objection with a PDF; the
 * administrator rejects it with a reason; the enterprise sees the reason.
 */
class PublicationBrowserTest extends BrowserTestBase {

    static final String TOWN = "331082106";
    static final int YEAR = 2041;
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired JdbcClient jdbc;
    @Autowired Users users;
    @Autowired PasswordEncoder encoder;
    @Autowired TestFixture fx;
    @Autowired EvaluationSchemes schemes;
    @Autowired EvaluationRuns runs;

    long runId;

    static String r(int n) {
        return TestFixture.withCheck("913310821060000" + String.format("%02d", n));
    }

    @BeforeEach
    void data() {
        if (jdbc.sql("select count(*) from enterprise where uscc = :u").param("u", r(1)).query(Integer.class).single() == 0) {
            double[] tax = {300, 120, 40};
            for (int i = 0; i < 3; i++) {
                String u = r(i + 1);
                jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class, registered_on) values (:u, :n, :r, 'C3411', 'ABOVE', date '2011-01-01')")
                        .param("u", u).param("n", "白水洋公示测试" + (i + 1) + "号企业").param("r", TOWN).update();
                jdbc.sql("insert into parcel (certificate_no, owner_uscc, region_code, area_m2, land_use) values (:c, :u, :r, 6666.70, '工业用地')")
                        .param("c", "BT-" + u).param("u", u).param("r", TOWN).update();
                jdbc.sql("insert into tax_record (uscc, year, total_tax) values (:u, :y, :t)").param("u", u).param("y", YEAR).param("t", tax[i]).update();
            }
        }
        if (users.findByUsername("bt-enterprise").isEmpty()) {
            users.create(new Users.NewUser("bt-enterprise", "白水洋公示测试3号企业", Role.ENTERPRISE, TOWN, r(3), Set.of(), false),
                    encoder.encode(TestFixture.PASSWORD));
        }
        SchemeVersion s = WorkflowTestData.as(fx.user("fx-county"), () -> schemes.latestPublished(TOWN, YEAR, Scope.system(TOWN)).orElseGet(() -> {
            SchemeVersion d = schemes.createDraft(WorkflowTestData.scheme(TOWN, YEAR, 20, 40, 20, 20), "fx-county");
            return schemes.publish(d.id(), d.lockVersion(), "fx-county");
        }));
        Run run = WorkflowTestData.as(fx.user("fx-county"), () -> runs.run(s.id(), "fx-county"));
        runId = run.id();
        page.onDialog(d -> d.accept());
    }

    void signOut() {
        page.click("button:has-text('退出')");
        assertThat(page.locator(".alert.ok")).containsText("您已安全退出");
    }

    @Test
    void publishObjectRejectAndTheEnterpriseSeesTheReason() {
        // the administrator publicises the computed run with the default deadline
        signIn("fx-county");
        page.navigate(url("/evaluation/runs/" + runId + "/publication"));
        assertThat(page.locator("#run-status")).hasText("已计算");
        assertThat(page.locator("#deadline-input")).not().hasValue("");
        page.click("#publicize");
        assertThat(page.locator("#run-status")).hasText("公示中");
        assertThat(page.locator("#deadline")).containsText("含当日");
        signOut();

        // the enterprise sees its result (3 members, 亩均税收 30 / 12 / 4: it is last → D) and files an objection with a PDF
        signIn("bt-enterprise");
        menu("评价公示");
        assertThat(page).hasURL(Pattern.compile(".*/evaluation/publications$"));
        page.click("a[href='/evaluation/runs/" + runId + "/publication']");
        assertThat(page.locator("#my-class")).hasText("D");
        assertThat(page.locator("#explanation")).hasAttribute("href", "/evaluation/runs/" + runId + "/enterprises/" + r(3));
        page.fill("#objection-body", "本企业 2041 年实缴税金应为 80 万元，税务数据漏报一笔。");
        page.setInputFiles("#objection-files", new FilePayload("完税证明.pdf", "application/pdf", PDF));
        page.click("#file-objection");
        assertThat(page).hasURL(Pattern.compile(".*/evaluation/objections/\\d+$"));
        assertThat(page.locator("#objection-status")).hasText("待处理");
        assertThat(page.locator("#evidence")).containsText("完税证明.pdf");
        String objectionUrl = page.url();
        signOut();

        // the administrator rejects it with a reason
        signIn("fx-county");
        page.navigate(objectionUrl);
        assertThat(page.locator("#evidence a")).hasText("完税证明.pdf");
        page.click("#reject");
        assertThat(page.locator("#error")).containsText("a rejection needs a reason");
        page.fill("#decision-input", "经核对税务部门数据，2041 年实缴税金为 40 万元，无漏报。");
        page.click("#reject");
        assertThat(page.locator("#objection-status")).hasText("已驳回");
        signOut();

        // the enterprise sees the decision and its reason
        signIn("bt-enterprise");
        page.navigate(objectionUrl);
        assertThat(page.locator("#objection-status")).hasText("已驳回");
        assertThat(page.locator("#decision-note")).hasText("经核对税务部门数据，2041 年实缴税金为 40 万元，无漏报。");
    }
}
