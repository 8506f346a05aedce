package org.mujun;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real-browser tests: Playwright for Java driving Debian's Chromium offline against the app on a
 * random port. Skipped where /usr/bin/chromium is missing, unless MUJUN_REQUIRE_BROWSER=1 (CI),
 * where a missing browser fails the build instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestFixture.class)
public abstract class BrowserTestBase {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MUJUN_CHROMIUM", "/usr/bin/chromium"));
    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    protected int port;
    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("1".equals(System.getenv("MUJUN_REQUIRE_BROWSER"))) {
                throw new IllegalStateException("MUJUN_REQUIRE_BROWSER=1 but no Chromium at " + CHROMIUM);
            }
            Assumptions.abort("no Chromium at " + CHROMIUM + "; browser tests skipped");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        browser = null;
        playwright = null;
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1366, 900));
        page = context.newPage();
        page.setDefaultTimeout(15_000);
    }

    @AfterEach
    void closePage() {
        if (context != null) context.close();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a menu entry as a person would: hovers its heading when it sits in a drop-down, then clicks it. */
    protected void menu(String label) {
        var withText = new com.microsoft.playwright.Locator.FilterOptions().setHasText(label);
        var link = page.locator("nav.menu a").filter(withText).first();
        if (!link.isVisible()) {
            page.locator("nav.menu .navgroup")
                    .filter(new com.microsoft.playwright.Locator.FilterOptions().setHas(page.locator("a").filter(withText)))
                    .first().hover();
        }
        link.click();
    }

    protected void signIn(String username) {
        page.navigate(url("/login"));
        page.fill("#username", username);
        page.fill("#password", TestFixture.PASSWORD);
        page.click("button[type=submit]");
        page.waitForURL(u -> !u.contains("/login"));
    }
}
