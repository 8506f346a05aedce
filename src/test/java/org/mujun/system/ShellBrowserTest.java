package org.mujun.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mujun.BrowserTestBase;

/** Signs in through the real login form, sees the Chinese shell, switches to English, signs out. */
class ShellBrowserTest extends BrowserTestBase {

    @Test
    void signInSwitchLanguageAndSignOut() {
        page.navigate(url("/"));
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login"));
        page.fill("#username", "fx-county");
        page.fill("#password", "wrong-password");
        page.click("button[type=submit]");
        assertThat(page.locator(".alert.error")).containsText("用户名或密码错误");

        signIn("fx-county");
        assertThat(page.locator("h1")).containsText("欢迎");
        assertThat(page.locator("main")).containsText("临海市");

        page.click("text=EN");
        assertThat(page.locator("h1")).containsText("Welcome");
        assertThat(page.locator("nav.menu")).containsText("Enterprises");

        page.click("button:has-text('Sign out')");
        assertThat(page.locator(".alert.ok")).containsText("signed out");
    }
}
