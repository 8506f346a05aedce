package org.mujun.industry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.security.Jurisdiction;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The industries page (GB/T 4754 sections B, C, D and the named sets) and the set editor. */
@Controller
class IndustryController {

    /** Reference data: every signed-in role but the security administrator (data providers need the codes). */
    static final String READERS = "isAuthenticated() and !hasRole('SECURITY_ADMIN')";
    static final String EDITORS = "hasRole('PROVINCE_ADMIN')";

    private final Industries industries;
    private final IndustrySets sets;

    IndustryController(Industries industries, IndustrySets sets) {
        this.industries = industries;
        this.sets = sets;
    }

    /** Sections with their divisions (and the deeper codes shipped for the sets) in code order. */
    record Section(Industries.Industry section, List<Industries.Industry> children) {
    }

    @GetMapping("/industries")
    @PreAuthorize(READERS)
    String list(Model model) {
        Map<String, Section> sections = new LinkedHashMap<>();
        for (Industries.Industry i : industries.all()) {
            if (i.level().equals("section")) {
                sections.put(i.code(), new Section(i, new ArrayList<>()));
            }
        }
        for (Industries.Industry i : industries.all()) {
            Section s = sections.get(i.code().substring(0, 1));
            if (!i.level().equals("section") && s != null) {
                s.children().add(i);
            }
        }
        model.addAttribute("sections", sections.values());
        model.addAttribute("sets", sets.all());
        model.addAttribute("industries", industries);
        return "industry/list";
    }

    @GetMapping("/industries/sets/{key}")
    @PreAuthorize(EDITORS)
    String edit(@PathVariable String key, Model model) {
        IndustrySets.IndustrySet set = sets.find(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("set", set);
        if (!model.containsAttribute("membersText")) {
            model.addAttribute("membersText", String.join(", ", set.members()));
        }
        return "industry/edit";
    }

    @PostMapping("/industries/sets/{key}")
    @PreAuthorize(EDITORS)
    String save(@PathVariable String key, @RequestParam(required = false) String members, RedirectAttributes redirect) {
        if (sets.find(key).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        required(members, "members");
        try {
            sets.update(key, IndustrySets.split(members), actor());
            redirect.addFlashAttribute("saved", key);
            return "redirect:/industries";
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("membersText", members);
            return "redirect:/industries/sets/" + key;
        }
    }

    static String actor() {
        var u = Jurisdiction.currentUser();
        return u == null ? "system" : u.username();
    }

    /** A form field the handler needs; checked after the role check, so a refused role gets 403, a bad form 400. */
    static <T> T required(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException("缺少必填项 " + field + " / " + field + " is required");
        }
        return value;
    }
}
