package org.mujun.security;

import org.mujun.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts failures toward the lockout and writes every sign-in attempt to the audit log. */
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
        users.recordFailure(name);
        audit.append(name, "LOGIN_FAILED", "user:" + name, event.getException().getClass().getSimpleName());
    }
}
