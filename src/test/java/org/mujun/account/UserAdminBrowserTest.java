package org.mujun.account;

import org.mujun.security.PasswordPolicy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mujun.BrowserTestBase;
import org.mujun.TestFixture;

/**
 * The security admin creates a town officer in a real browser, copies the one-time password from
 * the page, signs out; the new officer signs in, is made to choose a password, and lands home.
 */
class UserAdminBrowserTest extends BrowserTestBase {

    @Test
    void aNewTownOfficerSignsInWithTheOneTimePasswordAndMustChangeIt() {
        String username = "t-browser-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        signIn("fx-security");
        menu("用户管理");
        assertThat(page).hasURL(Pattern.compile(".*/admin/users$"));
        page.click("#new-user");

        page.fill("#username", username);
        page.fill("#displayName", "古城街道 测试员");
        page.selectOption("#role", "TOWN_OFFICER");
        // Only the fields of the chosen role are shown.
        assertThat(page.locator("#regionCode")).isVisible();
        assertThat(page.locator("#uscc")).isHidden();
        page.fill("#regionCode", TestFixture.TOWN_1);
        page.click("form.account-form button[type=submit]");

        assertThat(page.locator("h1")).containsText(username);
        String password = page.locator("#one-time-password").textContent().trim();
        org.assertj.core.api.Assertions.assertThat(PasswordPolicy.problems(username, password)).isEmpty();

        page.click("button:has-text('退出')");
        assertThat(page.locator(".alert.ok")).containsText("您已安全退出");

        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button[type=submit]");
        assertThat(page).hasURL(Pattern.compile(".*/account/password$"));
        assertThat(page.locator(".alert")).containsText("须先设置您自己的密码");
        page.navigate(url("/"));
        assertThat(page).hasURL(Pattern.compile(".*/account/password$"));

        page.fill("#current", password);
        page.fill("#new-password", "Gucheng-Officer-2026");
        page.fill("#confirm-password", "Gucheng-Officer-2026");
        page.click("form.stack button[type=submit]");
        assertThat(page).hasURL(Pattern.compile(".*:" + port + "/$"));
        assertThat(page.locator("h1")).containsText("欢迎");
        assertThat(page.locator("main")).containsText("古城街道");
        assertThat(page.locator("nav.menu")).not().containsText("用户管理");
    }

    @Test
    void theAuditorReadsTheLogAndVerifiesTheChain() {
        signIn("fx-auditor");
        menu("审计日志");
        assertThat(page.locator("#audit-entries")).containsText("LOGIN");
        page.fill("input[name=actor]", "fx-auditor");
        page.click("#audit-filter button[type=submit]");
        assertThat(page.locator("#audit-entries tbody tr").first()).containsText("fx-auditor");
        page.click("#audit-verify");
        assertThat(page.locator("#verify-result")).containsText("哈希链完整");
    }
}
