package org.mujun.screening;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.BrowserTestBase;
import org.mujun.TestFixture;
import org.mujun.evaluation.EvaluationRuns;
import org.mujun.evaluation.EvaluationSchemes;
import org.mujun.security.Scope;
import org.mujun.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * In a real browser, one enterprise from candidate to delisted: the county sets the rules and runs the screening,
 * the town confirms with a PDF (属地核实), the county lists it, the town drafts and submits the plan, the county
 * approves it, the town starts and reports progress, the county delists it on the later year's evaluation, and the
 * enterprise sees its own case.
 */
class ScreeningBrowserTest extends BrowserTestBase {

    static final String P = "T63";
    static final int YEAR = 2063;
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();

    @Autowired JdbcClient jdbc;
    @Autowired Users users;
    @Autowired PasswordEncoder encoder;
    @Autowired TestFixture fx;
    @Autowired EvaluationSchemes schemes;
    @Autowired EvaluationRuns runs;
    @Autowired ScreeningRuleSets ruleSets;

    @BeforeEach
    void data() {
        ScreeningTestData.install(jdbc, P, YEAR, users, encoder);
        for (int y = YEAR; y <= YEAR + 1; y++) {
            if (runs.latestOfficial(TestFixture.TOWN_1, y, Scope.system(TestFixture.TOWN_1)).isEmpty()) {
                ScreeningTestData.officialRun(schemes, runs, fx, y);
            }
        }
        // the later year's rules of the town (the first year's are set through the page below)
        if (ruleSets.effective(TestFixture.TOWN_1, YEAR + 1).regionCode() == null) {
            ruleSets.save(TestFixture.TOWN_1, YEAR + 1, ScreeningTestData.taxOnly(), null, "fx-county");
        }
    }

    void signOut() {
        page.click("button:has-text('退出')");
    }

    void act(String slug) {
        page.click("#action-" + slug + " button[type=submit]");
        assertThat(page.locator("#ok")).isVisible();
    }

    @Test
    void oneEnterpriseFromCandidateToDelisted() {
        // the county keeps only the 亩均税收 tiers for the year and runs the screening of the town
        signIn("fx-county");
        menu("筛选规则");
        page.fill("input[name=year]", String.valueOf(YEAR));
        page.click("form.toolbar button[type=submit]");
        for (String box : new String[]{"classDEnabled", "energyEnabled", "belowScaleEnabled", "lianggaoEnabled", "outsideZoneEnabled", "revenueEnabled"}) {
            page.uncheck("input[name=" + box + "]");
        }
        page.click("#save-rules");
        assertThat(page.locator("#ok")).hasText("已保存");
        assertThat(page.locator("#rules-source")).containsText("331082");
        menu("高耗低效筛选");
        page.fill("#run-form input[name=region]", TestFixture.TOWN_1);
        page.fill("#run-form input[name=year]", String.valueOf(YEAR));
        page.click("#run-screening");
        assertThat(page.locator("#ok")).containsText("新增案件 2 件");
        signOut();

        // the town sees the candidate with the rule and its numbers, and confirms it with evidence
        signIn("fx-town");
        menu("高耗低效筛选");
        page.fill("form.toolbar input[name=q]", "筛选测试T63-1");
        page.click("form.toolbar button.primary:has-text('查询')");
        page.click("#cases a:has-text('筛选测试T63-1号企业')");
        assertThat(page).hasURL(Pattern.compile(".*/screening/cases/\\d+$"));
        String caseUrl = page.url();
        assertThat(page.locator("#hits")).containsText("亩均税收 2 万元/亩 < 3 万元/亩");
        page.click("#action-confirm button[type=submit]");
        assertThat(page.locator("#error")).containsText("evidence");
        page.fill("#action-confirm textarea[name=reason]", "现场核实：厂房大部分闲置");
        page.setInputFiles("#action-confirm input[type=file]", new FilePayload("核实照片.pdf", "application/pdf", PDF));
        act("confirm");
        assertThat(page.locator("h1 .badge")).hasText("属地已核实（待县级复核）");
        assertThat(page.locator("#evidence")).containsText("核实照片.pdf");
        signOut();

        // the county lists it
        signIn("fx-county");
        page.navigate(caseUrl);
        act("list");
        assertThat(page.locator("h1 .badge")).hasText("已列入清单");
        menu("高耗低效企业清单");
        assertThat(page.locator("#list")).containsText("筛选测试T63-1号企业");
        signOut();

        // the town drafts the plan and submits it
        signIn("fx-town");
        page.navigate(caseUrl);
        page.selectOption("#plan-form select[name=approach]", new SelectOption().setValue("UPGRADE"));
        page.fill("#plan-form textarea[name=measures]", "淘汰落后设备，引进自动化产线");
        page.fill("#plan-form input[name=freedMu]", "2");
        page.fill("#plan-form input[name=freedTce]", "30");
        page.fill("#plan-form input[name='m0.title']", "完成设备更新");
        page.fill("#plan-form input[name='m0.deadline']", "2099-06-30");
        page.fill("#plan-form input[name='m0.unit']", "古城街道");
        page.click("#save-plan");
        assertThat(page.locator("#plan-approach")).hasText("改造提升");
        act("submit-plan");
        signOut();

        // the county approves it
        signIn("fx-county");
        page.navigate(caseUrl);
        act("approve-plan");
        assertThat(page.locator("h1 .badge")).hasText("方案已批准");
        signOut();

        // the town starts the work and reports the milestone done
        signIn("fx-town");
        page.navigate(caseUrl);
        act("start");
        page.fill("#progress-1 input[name=percent]", "100");
        page.fill("#progress-1 input[name=note]", "产线已投产");
        page.click("#progress-1 button");
        assertThat(page.locator("#milestones")).containsText("100%");
        signOut();

        // the county delists it: the later year's evaluation no longer meets the rules
        signIn("fx-county");
        page.navigate(caseUrl);
        act("delist");
        assertThat(page.locator("h1 .badge")).hasText("达标销号");
        assertThat(page.locator("#history")).containsText("2064");
        assertThat(page.locator("#history")).containsText("fx-town");
        signOut();

        // the enterprise sees its own case and plan
        signIn("sc-t63-e1");
        page.navigate(caseUrl);
        assertThat(page.locator("h1 .badge")).hasText("达标销号");
        assertThat(page.locator("#plan")).containsText("淘汰落后设备");
    }
}
