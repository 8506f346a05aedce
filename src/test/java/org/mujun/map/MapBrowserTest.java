package org.mujun.map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.BrowserTestBase;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser: the county administrator opens 一图呈现 from the menu, sees enterprises counted by region,
 * goes close to a parcel, clicks it, and follows the popup's link to the owner's dossier (一企一档).
 */
class MapBrowserTest extends BrowserTestBase {

    static final String USCC = TestFixture.withCheck("91331082MAP000009");
    // a parcel of about 200 m × 200 m in 临海, away from other tests' parcels
    static final double X = 121.0500;
    static final double Y = 28.7000;

    @Autowired JdbcClient jdbc;
    @Autowired TestFixture fx;

    @BeforeEach
    void data() {
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class) values (:u, '临海地图浏览器测试有限公司', :r, 'C34', 'ABOVE') on conflict do nothing")
                .param("u", USCC).param("r", TestFixture.TOWN_1).update();
        String g = String.format(java.util.Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}",
                X, Y, X + 0.002, Y, X + 0.002, Y + 0.002, X, Y + 0.002, X, Y);
        jdbc.sql("insert into parcel (certificate_no, owner_uscc, region_code, area_m2, land_use, geojson) values ('MAP-BROWSER-1', :o, :r, 40000, '工业用地', :g) on conflict do nothing")
                .param("o", USCC).param("r", TestFixture.TOWN_1).param("g", g).update();
    }

    @Test
    void clickAParcelAndLandOnTheDossier() {
        signIn("fx-county");
        menu("一图呈现");
        page.waitForURL(Pattern.compile(".*/map.*"));
        // far out: region bubbles, no parcels
        loaded();
        assertThat(page.locator(".map-bubble").first()).isVisible();
        // close to the parcel (the map keeps its view in the address: #zoom/lat/lon)
        page.navigate(url("/map#16/" + (Y + 0.001) + "/" + (X + 0.001)));
        loaded();
        page.locator("path.map-parcel").first().waitFor();
        page.selectOption("#map-status", "idle");
        loaded();
        // inside the polygon near its corner (its middle holds the owner's point)
        page.locator("path.map-parcel").first().click(new com.microsoft.playwright.Locator.ClickOptions().setPosition(12, 12));
        assertThat(page.locator(".leaflet-popup-content")).containsText("MAP-BROWSER-1");
        page.locator(".leaflet-popup-content a.dossier-link").click();
        page.waitForURL(Pattern.compile(".*/enterprises/\\d+/dossier"));
        assertThat(page.locator("h1")).containsText("临海地图浏览器测试有限公司");
        assertThat(page.locator("#dossier-figures")).isVisible();
    }

    /** Waits until the map has drawn its layers (or failed, which fails the test with the message shown). */
    private void loaded() {
        page.waitForSelector("#map[data-loaded=true], #map[data-loaded=error]", new com.microsoft.playwright.Page.WaitForSelectorOptions().setTimeout(30_000));
        org.assertj.core.api.Assertions.assertThat(page.locator("#map").getAttribute("data-loaded"))
                .as(page.locator("#map-status-line").textContent()).isEqualTo("true");
    }
}
