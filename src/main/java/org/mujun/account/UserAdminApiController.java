package org.mujun.account;

import org.mujun.security.Users;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Account administration over REST (SPEC §1, §10), for the security admin only. */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize(UserAdminController.SECURITY_ADMIN)
class UserAdminApiController {

    private final Users users;
    private final AccountAdministration admin;

    UserAdminApiController(Users users, AccountAdministration admin) {
        this.users = users;
        this.admin = admin;
    }

    /** Create: {@code regionCode} is taken from the enterprise for ENTERPRISE accounts. */
    record CreateRequest(String username, String displayName, String role, String regionCode, String uscc, List<String> datasets) {
    }

    /** Edit: {@code version} from the last read; a stale one is answered 409. */
    record UpdateRequest(Integer version, String displayName, String role, String regionCode, String uscc, List<String> datasets) {
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String role, @RequestParam(required = false) String region,
                             @RequestParam(required = false) Boolean locked, @RequestParam(required = false) Boolean disabled,
                             @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Users.AccountFilter filter = UserAdminController.filter(role, region, locked, disabled, q);
        int s = Math.max(1, Math.min(size, 1000));
        int p = Math.max(0, page);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", users.search(filter, p, s));
        body.put("page", p);
        body.put("size", s);
        body.put("total", users.count(filter));
        return body;
    }

    /** Answers the account and its one-time password, which is shown only in this response. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody(required = false) CreateRequest body) {
        if (body == null) {
            throw new IllegalArgumentException("请求体不能为空 / a JSON body is required");
        }
        AccountAdministration.Created created = admin.create(body.username(),
                new AccountRules.Draft(body.displayName(), body.role(), body.regionCode(), body.uscc(), set(body.datasets())),
                UserAdminController.me().username());
        return oneTime(created.account(), created.password());
    }

    @GetMapping("/{id}")
    Users.Account get(@PathVariable long id) {
        return admin.find(id);
    }

    @PutMapping("/{id}")
    Users.Account update(@PathVariable long id, @RequestBody(required = false) UpdateRequest body) {
        if (body == null) {
            throw new IllegalArgumentException("请求体不能为空 / a JSON body is required");
        }
        return admin.update(id, body.version(),
                new AccountRules.Draft(body.displayName(), body.role(), body.regionCode(), body.uscc(), set(body.datasets())),
                UserAdminController.me());
    }

    @PostMapping("/{id}/reset-password")
    Map<String, Object> resetPassword(@PathVariable long id) {
        String password = admin.resetPassword(id, UserAdminController.me());
        return oneTime(admin.find(id), password);
    }

    @PostMapping("/{id}/unlock")
    Users.Account unlock(@PathVariable long id) {
        return admin.unlock(id, UserAdminController.me());
    }

    @PostMapping("/{id}/disable")
    Users.Account disable(@PathVariable long id) {
        return admin.setEnabled(id, false, UserAdminController.me());
    }

    @PostMapping("/{id}/enable")
    Users.Account enable(@PathVariable long id) {
        return admin.setEnabled(id, true, UserAdminController.me());
    }

    private static Map<String, Object> oneTime(Users.Account account, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", account);
        body.put("password", password);
        body.put("mustChangePassword", true);
        body.put("note", "密码只显示这一次，首次登录须修改 / the password is shown only now and must be changed at first sign-in");
        return body;
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }
}
