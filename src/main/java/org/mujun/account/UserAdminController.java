package org.mujun.account;

import org.mujun.security.Users;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.mujun.security.Jurisdiction;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mujun.common.DatasetType;
import org.mujun.common.NavLink;
import org.mujun.region.Region;
import org.mujun.region.Regions;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 用户管理 for the security admin (SPEC §1, 三员分立): the account list with lockout state, creating
 * an account with a one-time password, editing role and region, reset, unlock, disable and enable.
 * No other role reaches these pages (403), business admins included.
 */
@Controller
class UserAdminController {

    static final String SECURITY_ADMIN = "hasRole('SECURITY_ADMIN')";
    static final int PAGE_SIZE = 50;

    private final Users users;
    private final AccountAdministration admin;
    private final Regions regions;

    UserAdminController(Users users, AccountAdministration admin, Regions regions) {
        this.users = users;
        this.admin = admin;
        this.regions = regions;
    }

    /** Menu entry: the security admin only. */
    @Bean
    static NavLink usersNavLink() {
        return new NavLink(900, "nav.users", "/admin/users", Set.of("SECURITY_ADMIN"));
    }

    @GetMapping("/admin/users")
    @PreAuthorize(SECURITY_ADMIN)
    String list(@RequestParam(required = false) String role, @RequestParam(required = false) String region,
                @RequestParam(required = false) Boolean locked, @RequestParam(required = false) Boolean disabled,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Users.AccountFilter filter = filter(role, region, locked, disabled, q);
        int p = Math.max(0, page);
        List<Users.Account> accounts = users.search(filter, p, PAGE_SIZE);
        long total = users.count(filter);
        model.addAttribute("accounts", accounts);
        model.addAttribute("regionNames", regionNames(accounts.stream().map(Users.Account::regionCode).toList()));
        model.addAttribute("total", total);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("roles", Role.values());
        model.addAttribute("role", role == null ? "" : role);
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("locked", locked);
        model.addAttribute("disabled", disabled);
        model.addAttribute("q", q == null ? "" : q);
        return "security/users";
    }

    @GetMapping("/admin/users/new")
    @PreAuthorize(SECURITY_ADMIN)
    String createForm(Model model) {
        formModel(model, new Form(null, null, null, null, null, Set.of(), null));
        return "security/user-new";
    }

    @PostMapping("/admin/users")
    @PreAuthorize(SECURITY_ADMIN)
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) String role, @RequestParam(required = false) String regionCode,
                  @RequestParam(required = false) String uscc, @RequestParam(required = false) List<String> datasets,
                  Model model, HttpServletResponse response) {
        Form form = new Form(username, displayName, role, regionCode, uscc, set(datasets), null);
        try {
            AccountAdministration.Created created = admin.create(username, form.draft(), me().username());
            model.addAttribute("account", created.account());
            model.addAttribute("password", created.password());
            model.addAttribute("created", true);
            return "security/user-password";
        } catch (AccountRules.InvalidAccountException e) {
            response.setStatus(400);
            model.addAttribute("problems", e.problems());
            formModel(model, form);
            return "security/user-new";
        }
    }

    @GetMapping("/admin/users/{id}")
    @PreAuthorize(SECURITY_ADMIN)
    String show(@PathVariable long id, Model model) {
        Users.Account a = admin.find(id);
        formModel(model, new Form(a.username(), a.displayName(), a.role().name(), a.regionCode(), a.uscc(), a.datasets(), a.version()));
        accountModel(model, a);
        return "security/user";
    }

    @PostMapping("/admin/users/{id}")
    @PreAuthorize(SECURITY_ADMIN)
    String update(@PathVariable long id, @RequestParam(required = false) Integer version,
                  @RequestParam(required = false) String displayName, @RequestParam(required = false) String role,
                  @RequestParam(required = false) String regionCode, @RequestParam(required = false) String uscc,
                  @RequestParam(required = false) List<String> datasets, Model model, HttpServletResponse response,
                  RedirectAttributes flash) {
        Users.Account a = admin.find(id);
        Form form = new Form(a.username(), displayName, role, regionCode, uscc, set(datasets), version);
        try {
            admin.update(id, version, form.draft(), me());
        } catch (AccountRules.InvalidAccountException e) {
            response.setStatus(400);
            model.addAttribute("problems", e.problems());
            formModel(model, form);
            accountModel(model, a);
            return "security/user";
        }
        flash.addFlashAttribute("message", "users.saved");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/reset-password")
    @PreAuthorize(SECURITY_ADMIN)
    String resetPassword(@PathVariable long id, Model model, RedirectAttributes flash) {
        try {
            String password = admin.resetPassword(id, me());
            model.addAttribute("account", admin.find(id));
            model.addAttribute("password", password);
            model.addAttribute("created", false);
            return "security/user-password";
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/admin/users/" + id;
        }
    }

    @PostMapping("/admin/users/{id}/unlock")
    @PreAuthorize(SECURITY_ADMIN)
    String unlock(@PathVariable long id, RedirectAttributes flash) {
        admin.unlock(id, me());
        flash.addFlashAttribute("message", "users.unlocked");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/disable")
    @PreAuthorize(SECURITY_ADMIN)
    String disable(@PathVariable long id, RedirectAttributes flash) {
        return enabled(id, false, flash);
    }

    @PostMapping("/admin/users/{id}/enable")
    @PreAuthorize(SECURITY_ADMIN)
    String enable(@PathVariable long id, RedirectAttributes flash) {
        return enabled(id, true, flash);
    }

    private String enabled(long id, boolean enabled, RedirectAttributes flash) {
        try {
            admin.setEnabled(id, enabled, me());
            flash.addFlashAttribute("message", enabled ? "users.enabled" : "users.disabled");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    /** What the create and edit forms show (values kept after a refused submit). */
    record Form(String username, String displayName, String role, String regionCode, String uscc, Set<String> datasets,
                Integer version) {
        AccountRules.Draft draft() {
            return new AccountRules.Draft(displayName, role, regionCode, uscc, datasets);
        }
    }

    private void formModel(Model model, Form form) {
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("datasetTypes", DatasetType.values());
        model.addAttribute("regionOptions", regions.all());
        model.addAttribute("regionPaths", regionPaths());
    }

    private void accountModel(Model model, Users.Account a) {
        model.addAttribute("account", a);
        model.addAttribute("regionName", a.regionCode() == null ? null : regions.pathName(a.regionCode()));
        model.addAttribute("self", a.id() == me().id());
    }

    private Map<String, String> regionPaths() {
        Map<String, String> m = new HashMap<>();
        for (Region r : regions.all()) {
            m.put(r.code(), regions.pathName(r.code()));
        }
        return m;
    }

    private Map<String, String> regionNames(List<String> codes) {
        Map<String, String> m = new HashMap<>();
        codes.stream().filter(c -> c != null).distinct().forEach(c -> m.put(c, regions.pathName(c)));
        return m;
    }

    static Users.AccountFilter filter(String role, String region, Boolean locked, Boolean disabled, String q) {
        Role r = null;
        if (role != null && !role.isBlank()) {
            try {
                r = Role.valueOf(role.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("未知角色 '" + role + "' / unknown role '" + role + "'");
            }
        }
        return new Users.AccountFilter(r, region, locked, disabled, q);
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }

    static MujunUser me() {
        MujunUser me = Jurisdiction.currentUser();
        if (me == null) {
            throw new IllegalStateException("no signed-in user");
        }
        return me;
    }
}
