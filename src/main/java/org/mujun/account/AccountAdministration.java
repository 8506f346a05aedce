package org.mujun.account;

import org.mujun.security.Users;
import org.mujun.security.PasswordPolicy;
import org.mujun.security.ApiTokens;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mujun.audit.AuditLog;
import org.mujun.region.Region;
import org.mujun.region.Regions;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the security admin does to accounts (SPEC §1, §11): create with a generated one-time
 * password, change role and region under optimistic locking, reset a password, unlock, disable and
 * enable. Every action is written to the audit log in the same transaction, never a password.
 * An admin may not disable or demote their own account, so the last door cannot be locked from inside.
 */
@Service
public class AccountAdministration {

    private final Users users;
    private final ApiTokens tokens;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final AccountRules.Lookup lookup;

    AccountAdministration(Users users, ApiTokens tokens, PasswordEncoder encoder, AuditLog audit, Regions regions,
                          Jurisdiction jurisdiction) {
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.audit = audit;
        this.lookup = new AccountRules.Lookup() {
            @Override
            public Optional<String> regionLevel(String code) {
                return regions.find(code).map(Region::level);
            }

            @Override
            public Optional<String> enterpriseRegion(String uscc) {
                // Only the enterprise's region is read, to place the account; account administration
                // acts for the whole system, not inside the admin's (empty) business scope.
                return jurisdiction.sql("select e.region_code from enterprise e where SCOPE(e.region_code, e.uscc) and e.uscc = :u",
                                Scope.system("")).param("u", uscc).query(String.class).optional();
            }
        };
    }

    /** An account and its password, which exists in clear only in this answer. */
    public record Created(Users.Account account, String password) {
    }

    @Transactional
    public Created create(String username, AccountRules.Draft draft, String actor) {
        List<String> problems = new ArrayList<>(AccountRules.usernameProblems(username));
        if (problems.isEmpty() && users.usernameTaken(username.trim())) {
            problems.add("用户名 " + username.trim() + " 已被使用 / the user name " + username.trim() + " is taken");
        }
        AccountRules.Valid v;
        try {
            v = AccountRules.check(draft, lookup);
        } catch (AccountRules.InvalidAccountException e) {
            problems.addAll(e.problems());
            throw new AccountRules.InvalidAccountException(problems);
        }
        if (!problems.isEmpty()) {
            throw new AccountRules.InvalidAccountException(problems);
        }
        String name = username.trim();
        String password = oneTimePassword(name);
        long id = users.create(new Users.NewUser(name, v.displayName(), v.role(), v.regionCode(), v.uscc(), v.datasets(), true),
                encoder.encode(password));
        audit.append(actor, "USER_CREATED", "user:" + id, name + " " + describe(v.role(), v.regionCode(), v.uscc(), v.datasets()));
        return new Created(users.account(id).orElseThrow(), password);
    }

    /** Changes display name, role, region, USCC and data sets; a stale {@code version} is a conflict (409). */
    @Transactional
    public Users.Account update(long id, Integer version, AccountRules.Draft draft, MujunUser actor) {
        Users.Account old = find(id);
        if (version == null) {
            throw new IllegalArgumentException("缺少版本号 version（防止覆盖他人的修改） / version is required (so that nobody "
                    + "overwrites another's change)");
        }
        AccountRules.Valid v = AccountRules.check(draft, lookup);
        if (actor.id() == id && v.role() != old.role()) {
            throw new IllegalArgumentException("不能更改自己的角色 / you cannot change your own role");
        }
        if (!users.update(id, version, v.displayName(), v.role(), v.regionCode(), v.uscc(), v.datasets())) {
            throw new OptimisticLockingFailureException("app_user " + id + " version " + version + " is stale");
        }
        List<String> changes = new ArrayList<>();
        change(changes, "display name", old.displayName(), v.displayName());
        change(changes, "role", old.role(), v.role());
        change(changes, "region", old.regionCode(), v.regionCode());
        change(changes, "uscc", old.uscc(), v.uscc());
        change(changes, "datasets", old.datasets(), v.datasets());
        audit.append(actor.username(), "USER_UPDATED", "user:" + id,
                old.username() + " " + (changes.isEmpty() ? "no change" : String.join("; ", changes)));
        if (v.role() != old.role()) {
            // A token issued for one role must not keep working with another's rights.
            int revoked = tokens.revokeAll(id);
            if (revoked > 0) {
                audit.append(actor.username(), "TOKENS_REVOKED", "user:" + id, revoked + " API token(s), role changed");
            }
        }
        return users.account(id).orElseThrow();
    }

    /** A new one-time password that must be changed at the next sign-in; clears the lockout. */
    @Transactional
    public String resetPassword(long id, MujunUser actor) {
        Users.Account a = find(id);
        if (actor.id() == id) {
            throw new IllegalArgumentException("请在“我的账户”中修改自己的密码 / change your own password on the account page");
        }
        return reset(a, actor.username());
    }

    /** Lost-password recovery on the server (CLI): same as a reset, recorded as done by "cli". */
    @Transactional
    public String resetPasswordFromCommandLine(String username) {
        MujunUser u = users.findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("没有用户 " + username + " / no user " + username));
        return reset(find(u.id()), "cli");
    }

    @Transactional
    public Users.Account unlock(long id, MujunUser actor) {
        Users.Account a = find(id);
        users.unlock(id);
        audit.append(actor.username(), "USER_UNLOCKED", "user:" + id,
                a.username() + " after " + a.failedAttempts() + " failed sign-in(s)");
        return users.account(id).orElseThrow();
    }

    /** A disabled account cannot sign in, its sessions end and its API tokens stop working. */
    @Transactional
    public Users.Account setEnabled(long id, boolean enabled, MujunUser actor) {
        Users.Account a = find(id);
        if (!enabled && actor.id() == id) {
            throw new IllegalArgumentException("不能停用自己的账户 / you cannot disable your own account");
        }
        users.setEnabled(id, enabled);
        audit.append(actor.username(), enabled ? "USER_ENABLED" : "USER_DISABLED", "user:" + id, a.username());
        return users.account(id).orElseThrow();
    }

    Users.Account find(long id) {
        return users.account(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "账户不存在 / no such account"));
    }

    private String reset(Users.Account a, String actor) {
        String password = oneTimePassword(a.username());
        users.setPassword(a.id(), encoder.encode(password), true);
        audit.append(actor, "USER_PASSWORD_RESET", "user:" + a.id(), a.username() + ": one-time password issued, must change");
        return password;
    }

    private static String oneTimePassword(String username) {
        String p;
        do {
            p = PasswordPolicy.generate();
        } while (!PasswordPolicy.problems(username, p).isEmpty());
        return p;
    }

    static String describe(Role role, String region, String uscc, Set<String> datasets) {
        StringBuilder sb = new StringBuilder(role.name());
        if (region != null) sb.append(" region=").append(region);
        if (uscc != null) sb.append(" uscc=").append(uscc);
        if (!datasets.isEmpty()) sb.append(" datasets=").append(datasets);
        return sb.toString();
    }

    private static void change(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + ": " + before + " → " + after);
        }
    }
}
