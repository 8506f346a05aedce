package org.mujun.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in session in step with the account (SPEC §11): an account disabled or deleted, or
 * whose password was reset by the security admin, is signed out at its next request; a changed
 * role, region or data set takes effect at once instead of at the next sign-in. One primary-key
 * read per request. Requests with an API token are left to {@link ApiTokenFilter}, which reads the
 * account afresh anyway.
 */
@Component
class AccountStateFilter extends OncePerRequestFilter {

    private final Users users;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    AccountStateFilter(Users users, AuditLog audit, TransactionTemplate tx) {
        this.users = users;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return (uri.startsWith("/api/") && request.getHeader("Authorization") != null)
                || uri.startsWith("/css/") || uri.startsWith("/js/") || uri.startsWith("/webjars/") || uri.startsWith("/img/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof MujunUser held) {
            Optional<MujunUser> fresh = users.findById(held.id());
            String ended = fresh.isEmpty() ? "account removed"
                    : !fresh.get().isEnabled() ? "account disabled"
                    : !fresh.get().passwordHash().equals(held.passwordHash()) ? "password changed elsewhere"
                    : null;
            if (ended != null) {
                new SecurityContextLogoutHandler().logout(request, response, auth);
                tx.executeWithoutResult(s -> audit.append("system", "SESSION_ENDED", "user:" + held.id(), held.username() + ": " + ended));
                if (request.getRequestURI().startsWith("/api/")) {
                    ProblemAuthenticationEntryPoint.write(response, 401, "Unauthorized",
                            "账户已停用或密码已重置，请重新登录 / the account was disabled or its password reset; sign in again", request);
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?expired");
                }
                return;
            }
            if (!fresh.get().equals(held)) {
                var refreshed = UsernamePasswordAuthenticationToken.authenticated(fresh.get(), null, fresh.get().getAuthorities());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(refreshed);
                SecurityContextHolder.setContext(context);
                if (request.getSession(false) != null) {
                    request.getSession(false).setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
