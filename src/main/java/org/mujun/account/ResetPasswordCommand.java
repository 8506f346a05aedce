package org.mujun.account;

import org.mujun.security.Users;

import java.io.PrintStream;
import java.util.List;
import org.mujun.common.CliCommand;
import org.springframework.stereotype.Component;

/**
 * {@code reset-password --user admin}: lost-password recovery for whoever can run the jar on the
 * server. Prints a new one-time password that must be changed at the next sign-in, clears the
 * lockout, and records the reset in the audit log as done by "cli".
 */
@Component
class ResetPasswordCommand implements CliCommand {

    private final AccountAdministration admin;
    private final Users users;

    ResetPasswordCommand(AccountAdministration admin, Users users) {
        this.admin = admin;
        this.users = users;
    }

    @Override
    public String name() {
        return "reset-password";
    }

    @Override
    public String usage() {
        return "reset-password --user NAME   prints a new one-time password (must be changed at next sign-in); unlocks the account";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        String username = CliCommand.option(args, "user");
        if (username == null || username.isBlank()) {
            out.println("usage: " + usage());
            return 2;
        }
        var user = users.findByUsername(username.trim());
        if (user.isEmpty()) {
            out.println("没有用户 " + username + " / no user " + username);
            return 1;
        }
        String password = admin.resetPasswordFromCommandLine(user.get().username());
        out.println("One-time password for " + user.get().username() + " (" + user.get().role() + "): " + password);
        out.println("此密码只显示这一次，下次登录须修改 / shown only now; it must be changed at the next sign-in.");
        if (!user.get().isEnabled()) {
            out.println("注意：该账户已停用，须由安全管理员启用后才能登录 / note: the account is disabled; "
                    + "a security admin must enable it before it can sign in.");
        }
        return 0;
    }
}
