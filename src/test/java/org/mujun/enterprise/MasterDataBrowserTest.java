package org.mujun.enterprise;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.BrowserTestBase;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A county official searches an enterprise, opens its page, follows its parcel from the land
 * panel, and sees the parcel's polygon drawn by Leaflet on a blank map (no tiles, JS from
 * static/js under the strict CSP).
 */
class MasterDataBrowserTest extends BrowserTestBase {

    static final String USCC = TestFixture.withCheck("91331082MB0000001");

    @Autowired JdbcClient jdbc;

    @BeforeEach
    void rows() {
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class) values (:u, '浏览器测试精密机械有限公司', :t, 'C34', 'ABOVE') on conflict do nothing")
                .param("u", USCC).param("t", TestFixture.TOWN_1).update();
        jdbc.sql("""
                insert into parcel (certificate_no, owner_uscc, region_code, area_m2, land_use, geojson)
                values ('BT-001', :u, :t, 13333.40, '工业用地', :g) on conflict do nothing""")
                .param("u", USCC).param("t", TestFixture.TOWN_1)
                .param("g", "{\"type\":\"Polygon\",\"coordinates\":[[[121.10,28.85],[121.11,28.85],[121.11,28.86],[121.10,28.86],[121.10,28.85]]]}")
                .update();
    }

    @Test
    void searchOpenEnterpriseAndSeeItsParcelOnTheMap() {
        java.util.List<String> consoleErrors = new java.util.ArrayList<>();
        page.onConsoleMessage(m -> {
            // the browser's own /favicon.ico request (none is shipped) is not a page resource; pages' 4xx are caught below
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) {
                consoleErrors.add(m.text());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400) {
                consoleErrors.add(r.status() + " " + r.url());
            }
        });
        signIn("fx-county");
        menu("企业");
        assertThat(page.locator("h1")).containsText("企业");
        page.fill("#enterprise-search input[name=q]", "浏览器测试");
        page.click("#enterprise-search button[type=submit]");
        assertThat(page.locator("#enterprises tbody tr")).hasCount(1);
        page.click("#enterprises >> text=浏览器测试精密机械有限公司");

        assertThat(page.locator("h1")).hasText("浏览器测试精密机械有限公司");
        assertThat(page.locator("#enterprise-facts")).containsText(USCC);
        assertThat(page.locator("#land-panel")).containsText("BT-001");
        page.click("#land-panel >> text=BT-001");

        assertThat(page.locator("h1")).containsText("BT-001");
        assertThat(page.locator("#parcel-owner")).hasText("浏览器测试精密机械有限公司");
        Locator polygon = page.locator("#parcel-map svg path.leaflet-interactive");
        assertThat(polygon).hasCount(1);
        String d = polygon.getAttribute("d");
        assertThat(d).startsWith("M").contains("L");
        assertThat(page.locator("#parcel-map")).hasAttribute("data-drawn", "true");
        // no tile layer was requested: the map has no tile images
        assertThat(page.locator("#parcel-map img.leaflet-tile")).hasCount(0);
        assertThat(consoleErrors).as("browser console errors (CSP violations would show here)").isEmpty();

        page.click("#parcel-owner");
        assertThat(page.locator("h1")).hasText("浏览器测试精密机械有限公司");
    }

    @Test
    void regionTreeExpandsInPlace() {
        signIn("fx-city");
        menu("行政区划");
        assertThat(page.locator("#region-tree")).containsText("台州市");
        assertThat(page.locator("#region-tree")).not().containsText("古城街道");
        page.click("button[hx-get='/regions/331082/children']");
        assertThat(page.locator("#kids-331082")).containsText("古城街道");
        assertThat(page.locator("#kids-331082 li").first()).containsText("规上");
        page.click("#kids-331082 >> text=古城街道");
        assertThat(page.locator("h1")).hasText("古城街道");
    }
}
