package org.mujun.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mujun.audit.AuditLog;
import org.mujun.common.DatasetType;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own account: profile, password change (forced after first start or a reset), API tokens. */
@Controller
class AccountController {

    private final Users users;
    private final ApiTokens tokens;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    AccountController(Users users, ApiTokens tokens, PasswordEncoder encoder, AuditLog audit) {
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.audit = audit;
    }

    @GetMapping("/account")
    String account(Model model) {
        MujunUser me = me();
        model.addAttribute("me", me);
        model.addAttribute("tokens", tokens.forUser(me.id()));
        model.addAttribute("datasets", allowedDatasets(me));
        return "security/account";
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("me", me());
        return "security/password";
    }

    @PostMapping("/account/password")
    @Transactional
    String changePassword(@RequestParam String current, @RequestParam String password, @RequestParam String confirm,
                          Model model, HttpServletRequest request, RedirectAttributes flash) {
        MujunUser me = users.findById(me().id()).orElseThrow();
        List<String> problems = new java.util.ArrayList<>();
        if (!encoder.matches(current, me.passwordHash())) {
            problems.add("当前密码不正确 / the current password is wrong");
        }
        if (!password.equals(confirm)) {
            problems.add("两次输入的新密码不一致 / the new passwords differ");
        }
        if (encoder.matches(password, me.passwordHash())) {
            problems.add("新密码不能与当前密码相同 / the new password must differ from the current one");
        }
        problems.addAll(PasswordPolicy.problems(me.username(), password));
        if (!problems.isEmpty()) {
            model.addAttribute("me", me);
            model.addAttribute("problems", problems);
            return "security/password";
        }
        users.setPassword(me.id(), encoder.encode(password), false);
        audit.append(me.username(), "PASSWORD_CHANGED", "user:" + me.id(), null);
        refreshPrincipal(me.id(), request);
        flash.addFlashAttribute("message", "password.changed");
        return "redirect:/";
    }

    @PostMapping("/account/tokens")
    @Transactional
    String createToken(@RequestParam String name, @RequestParam(defaultValue = "365") int days,
                       @RequestParam(required = false) List<String> datasets, RedirectAttributes flash) {
        MujunUser me = me();
        ApiTokens.Issued issued = issue(me, name, days, datasets);
        flash.addFlashAttribute("newToken", issued.token());
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    @Transactional
    String revokeToken(@PathVariable long id) {
        MujunUser me = me();
        if (!tokens.revoke(me.id(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        audit.append(me.username(), "TOKEN_REVOKED", "token:" + id, null);
        return "redirect:/account";
    }

    // --- REST ---------------------------------------------------------------------------------

    @GetMapping("/api/v1/me")
    @ResponseBody
    Map<String, Object> apiMe() {
        MujunUser me = me();
        return Map.of("id", me.id(), "username", me.username(), "displayName", me.displayName(), "role", me.role(),
                "regionCode", String.valueOf(me.regionCode()), "uscc", String.valueOf(me.uscc()), "datasets", me.datasets());
    }

    @GetMapping("/api/v1/tokens")
    @ResponseBody
    List<ApiTokens.TokenInfo> apiTokens() {
        return tokens.forUser(me().id());
    }

    record TokenRequest(String name, Integer days, List<String> datasets) { }

    @PostMapping("/api/v1/tokens")
    @ResponseBody
    @Transactional
    Map<String, Object> apiCreateToken(@RequestBody TokenRequest body) {
        ApiTokens.Issued issued = issue(me(), body.name(), body.days() == null ? 365 : body.days(), body.datasets());
        return Map.of("id", issued.id(), "token", issued.token(),
                "note", "令牌只显示这一次 / the token is shown only now");
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseBody
    @Transactional
    Map<String, Object> apiRevoke(@PathVariable long id) {
        revokeToken(id);
        return Map.of("revoked", id);
    }

    private ApiTokens.Issued issue(MujunUser me, String name, int days, List<String> datasets) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("令牌名称必填，最多100字 / a token needs a name of at most 100 characters");
        }
        if (days < 1 || days > 3650) {
            throw new IllegalArgumentException("有效期应为1至3650天 / validity must be 1 to 3650 days");
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String d : datasets == null ? List.<String>of() : datasets) {
            String type = DatasetType.parse(d).name();
            if (!allowedDatasets(me).contains(type)) {
                throw new IllegalArgumentException("您无权为数据集 " + type + " 签发令牌 / you may not issue tokens for data set " + type);
            }
            chosen.add(type);
        }
        if (me.role() == Role.DATA_PROVIDER && chosen.isEmpty()) {
            chosen.addAll(me.datasets());
        }
        ApiTokens.Issued issued = tokens.issue(me.id(), name.trim(), chosen, Instant.now().plus(days, ChronoUnit.DAYS));
        audit.append(me.username(), "TOKEN_ISSUED", "token:" + issued.id(), name.trim() + " " + chosen);
        return issued;
    }

    private static Set<String> allowedDatasets(MujunUser me) {
        if (me.role() == Role.DATA_PROVIDER) {
            return me.datasets();
        }
        if (me.role().isAdmin()) {
            Set<String> all = new LinkedHashSet<>();
            for (DatasetType t : DatasetType.values()) all.add(t.name());
            return all;
        }
        return Set.of();
    }

    private static MujunUser me() {
        MujunUser me = Jurisdiction.currentUser();
        if (me == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        return me;
    }

    /** After a password change the session's principal must drop the must-change flag. */
    private void refreshPrincipal(long id, HttpServletRequest request) {
        MujunUser fresh = users.findById(id).orElseThrow();
        var auth = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(auth);
        SecurityContextHolder.setContext(ctx);
        if (request.getSession(false) != null) {
            request.getSession(false).setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, ctx);
        }
    }
}
