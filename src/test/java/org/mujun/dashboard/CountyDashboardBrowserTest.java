package org.mujun.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mujun.BrowserTestBase;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The county dashboard in a real browser under the strict CSP: opened from the menu, charts drawn, drill-down to a town. */
class CountyDashboardBrowserTest extends BrowserTestBase {

    @Autowired JdbcClient jdbc;

    @Test
    void countyDashboardDrawsItsChartsAndDrillsDown() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1; // the dashboard opens on last year
        jdbc.sql("""
                        insert into target (region_code, indicator, year, value, set_by) values (:r, 'PROJECTS_LANDED', :y, 12, 'test')
                        on conflict do nothing""").param("r", TestFixture.COUNTY).param("y", year).update();
        List<String> violations = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                violations.add(m.text());
            }
        });
        signIn("fx-county");
        menu("监测");
        assertThat(page.locator("#dashboard-region")).hasText("临海市");
        assertThat(page.locator("#widget-target-progress canvas")).isVisible();
        assertThat(page.locator("#widget-target-figures")).containsText("落地项目数");
        assertThat(page.locator("#widget-target-progress a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("CSV"))).isVisible();
        page.locator("#drill a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("古城街道")).click();
        assertThat(page.locator("#dashboard-region")).hasText("古城街道");
        org.assertj.core.api.Assertions.assertThat(violations).isEmpty();
    }
}
