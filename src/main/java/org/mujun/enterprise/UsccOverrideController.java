package org.mujun.enterprise;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The USCC override list page: the province administrator adds (with a reason) and removes codes; auditors read. */
@Controller
class UsccOverrideController {

    static final String READERS = "hasAnyRole('PROVINCE_ADMIN','AUDITOR')";
    static final String EDITORS = "hasRole('PROVINCE_ADMIN')";

    private final UsccOverrides overrides;

    UsccOverrideController(UsccOverrides overrides) {
        this.overrides = overrides;
    }

    @GetMapping("/uscc-overrides")
    @PreAuthorize(READERS)
    String list(Model model) {
        model.addAttribute("entries", overrides.all());
        return "enterprise/overrides";
    }

    @PostMapping("/uscc-overrides")
    @PreAuthorize(EDITORS)
    String add(@RequestParam(required = false) String uscc, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        required(uscc, "uscc");
        required(reason, "reason");
        try {
            overrides.add(uscc, reason, EnterpriseController.actor());
            redirect.addFlashAttribute("added", uscc.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("uscc", uscc);
            redirect.addFlashAttribute("reason", reason);
        }
        return "redirect:/uscc-overrides";
    }

    @PostMapping("/uscc-overrides/{uscc}/delete")
    @PreAuthorize(EDITORS)
    String remove(@PathVariable String uscc, RedirectAttributes redirect) {
        overrides.remove(uscc, EnterpriseController.actor());
        redirect.addFlashAttribute("removed", uscc);
        return "redirect:/uscc-overrides";
    }

    /** A form field the handler needs; checked after the role check, so a refused role gets 403, a bad form 400. */
    static <T> T required(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException("缺少必填项 " + field + " / " + field + " is required");
        }
        return value;
    }
}
