package org.mujun.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mujun.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * No default secrets (SPEC §11): on first start, with no accounts, creates the province admin
 * {@code admin} and the security admin {@code security} with random passwords, and prints them
 * once, with the URL, when the application is ready. Both must change their password at first sign-in.
 */
@Component
@Order(20)
class FirstStart implements ApplicationRunner {

    private final Users users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Environment env;
    private final List<String> toPrint = new ArrayList<>();

    FirstStart(Users users, PasswordEncoder encoder, AuditLog audit, Environment env) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.env = env;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        create("admin", "省级管理员 Province admin", Role.PROVINCE_ADMIN, "33");
        create("security", "安全管理员 Security admin", Role.SECURITY_ADMIN, null);
    }

    private void create(String username, String display, Role role, String region) {
        String password = PasswordPolicy.generate();
        long id = users.create(new Users.NewUser(username, display, role, region, null, Set.of(), true), encoder.encode(password));
        audit.append("system", "USER_CREATED", "user:" + id, "first start: " + username + " " + role);
        toPrint.add(String.format("  %-10s %-16s password: %s", username, role, password));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void printOnce() {
        String port = env.getProperty("local.server.port");
        StringBuilder sb = new StringBuilder("\n================ Mujun 亩均 ================\n");
        if (port != null) {
            sb.append("  Open http://localhost:").append(port).append("/\n");
        }
        if (!toPrint.isEmpty()) {
            sb.append("  First start: these accounts were created. The passwords are shown only now;\n")
              .append("  each must be changed at first sign-in (首次登录须修改密码).\n");
            toPrint.forEach(line -> sb.append(line).append('\n'));
            toPrint.clear();
        }
        sb.append("============================================\n");
        if (port != null || sb.indexOf("password") > 0) {
            System.out.println(sb);
        }
    }
}
