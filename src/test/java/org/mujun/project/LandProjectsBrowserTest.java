package org.mujun.project;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mujun.BrowserTestBase;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser under the strict CSP: the project statistics chart is drawn by static/js/projects.js
 * (ECharts, no inline script), and a 标准地 review is previewed and recorded through the page
 * (the confirmation comes from the data-confirm handler).
 */
class LandProjectsBrowserTest extends BrowserTestBase {

    static final String TOWN = "331082104";   // 小芝镇: no other test uses it
    static final String USCC = TestFixture.withCheck("91331082LTG000001");

    @Autowired JdbcClient jdbc;

    @Test
    void projectChartIsDrawnWithoutCspViolations() {
        for (int i = 1; i <= 3; i++) {
            jdbc.sql("""
                            insert into project (region_code, name, investor_name, planned_wan, completed_wan, stage, attracting_on, signed_on, created_by)
                            select :r, :n, '浏览器测试', :p, 1000, 'SIGNED', date '2026-01-01', date '2026-02-01', 'test'
                            where not exists (select 1 from project where name = :n)""")
                    .param("r", TOWN).param("n", "LTG 项目 " + i).param("p", i * 10000).update();
        }
        List<String> violations = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                violations.add(m.text());
            }
        });
        signIn("fx-county");
        page.navigate(url("/projects?region=" + TOWN));
        assertThat(page.locator("#project-chart canvas")).isVisible();
        assertThat(page.locator("#stats-total")).containsText("3");
        org.assertj.core.api.Assertions.assertThat(violations).isEmpty();
    }

    @Test
    void reviewIsPreviewedThenRecordedThroughThePage() {
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class) values (:u, '浏览器标准地测试', :r, 'C34', 'ABOVE') on conflict do nothing")
                .param("u", USCC).param("r", TestFixture.TOWN_1).update();
        jdbc.sql("insert into tax_record (uscc, year, total_tax) values (:u, 2025, 700) on conflict do nothing").param("u", USCC).update();
        jdbc.sql("""
                        insert into parcel (certificate_no, owner_uscc, region_code, area_m2, standard_land, transfer_date, transfer_price_wan)
                        values ('LTG-P-1', :u, :r, 13333.40, true, date '2023-01-10', 1000) on conflict do nothing""")
                .param("u", USCC).param("r", TestFixture.TOWN_1).update();
        Long id = jdbc.sql("select id from standard_land_contract where contract_no = 'LTG-2023-001'").query(Long.class).optional().orElse(null);
        if (id == null) {
            id = jdbc.sql("""
                            insert into standard_land_contract (contract_no, parcel_id, uscc, region_code, area_m2, land_price_wan, transferred_on, agreed_delivery,
                              agreed_start, agreed_completion, agreed_production, agreed_review, penalty_basis, penalty_rate, cap_percent, rectification_months,
                              reclaim_shortfall_percent, reclaim_after_rereviews, penalty_on_rereview, tolerance_percent, stage, created_by)
                            select 'LTG-2023-001', p.id, :u, p.region_code, p.area_m2, 1000, date '2023-01-10', date '2023-02-01', date '2023-06-01',
                              date '2024-12-31', date '2025-06-30', date '2026-10-15', 'SHARE_OF_LAND_PRICE', 1, 20, 12, 50, 1, false, 0, 'IN_PRODUCTION', 'test'
                            from parcel p where p.certificate_no = 'LTG-P-1' returning id""").param("u", USCC).query(Long.class).single();
            jdbc.sql("insert into standard_land_commitment (contract_id, indicator, committed) values (:id, 'TAX_PER_MU', 30)").param("id", id).update();
            for (String[] s : new String[][]{{"TRANSFERRED", "STARTED", "2023-05-20"}, {"STARTED", "COMPLETED", "2024-12-01"},
                    {"COMPLETED", "IN_PRODUCTION", "2025-03-01"}}) {
                jdbc.sql("insert into standard_land_stage_change (contract_id, from_stage, to_stage, on_date, changed_by) values (:id, :f, :t, cast(:d as date), 'test')")
                        .param("id", id).param("f", s[0]).param("t", s[1]).param("d", s[2]).update();
            }
        }
        signIn("fx-county");
        page.navigate(url("/land/standard/" + id));
        page.fill("input[name=reviewedOn]", "2026-10-15");
        page.click("#review-form button[type=submit]");
        // 700 万元 ÷ 20 亩 = 35 ≥ 30: passes
        assertThat(page.locator("#preview")).containsText("35.0000");
        page.onDialog(d -> d.accept());
        page.click("#record-review");
        assertThat(page.locator("#ok")).isVisible();
        assertThat(page.locator("#reviews")).containsText("守信");
        assertThat(page.locator("h1")).containsText("达产复核通过");
    }
}
