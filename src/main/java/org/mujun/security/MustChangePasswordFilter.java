package org.mujun.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user whose password was generated or reset must set their own before doing anything else:
 * pages redirect to the password form, the API answers 403 for such a session. API tokens are
 * unaffected (they were issued under a password of the user's own).
 */
@Component
class MustChangePasswordFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MujunUser user = Jurisdiction.currentUser();
        String uri = request.getRequestURI();
        boolean apiToken = uri.startsWith("/api/") && request.getHeader("Authorization") != null;
        if (user != null && user.mustChangePassword() && !apiToken && !uri.startsWith("/account/password") && !uri.startsWith("/logout")
                && !uri.startsWith("/css/") && !uri.startsWith("/js/") && !uri.startsWith("/webjars/")) {
            if (uri.startsWith("/api/")) {
                // A session on a generated password must not use the API either (e.g. to issue itself a token).
                ProblemAuthenticationEntryPoint.write(response, 403, "Forbidden",
                        "请先修改初始密码 / change your one-time password first (/account/password)", request);
                return;
            }
            response.sendRedirect(request.getContextPath() + "/account/password");
            return;
        }
        chain.doFilter(request, response);
    }
}
