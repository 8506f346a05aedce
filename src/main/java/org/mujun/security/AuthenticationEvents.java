package org.mujun.security;

import org.mujun.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failures toward the lockout and writes every sign-in attempt, the lockout itself and every
 * sign-out to the audit log (SPEC §11).
 */
@Component
class AuthenticationEvents {

    private final Users users;
    private final AuditLog audit;

    AuthenticationEvents(Users users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof MujunUser u) {
            users.recordSuccess(u.username());
            audit.append(u.username(), "LOGIN", "user:" + u.id(), null);
        }
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication().getName();
        boolean lockedNow = users.recordFailure(name);
        audit.append(name, "LOGIN_FAILED", "user:" + name, event.getException().getClass().getSimpleName());
        if (lockedNow) {
            audit.append("system", "ACCOUNT_LOCKED", "user:" + name,
                    Users.MAX_FAILURES + " consecutive failed sign-ins; locked for " + Users.LOCK_DURATION.toMinutes() + " minutes");
        }
    }

    @EventListener
    @Transactional
    public void onLogout(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof MujunUser u) {
            audit.append(u.username(), "LOGOUT", "user:" + u.id(), null);
        }
    }
}
