package org.mujun.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** A user whose password was generated or reset must set their own before doing anything else. */
@Component
class MustChangePasswordFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MujunUser user = Jurisdiction.currentUser();
        String uri = request.getRequestURI();
        if (user != null && user.mustChangePassword() && !uri.startsWith("/account/password") && !uri.startsWith("/logout")
                && !uri.startsWith("/css/") && !uri.startsWith("/js/") && !uri.startsWith("/webjars/") && !uri.startsWith("/api/")) {
            response.sendRedirect(request.getContextPath() + "/account/password");
            return;
        }
        chain.doFilter(request, response);
    }
}
