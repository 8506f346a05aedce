package org.mujun.project;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the rosters (清单/培育库): the lists, one roster (members, rules, refresh, history), exports. */
@Controller
class RosterController {

    static final int RULE_ROWS = 6;

    private final Rosters rosters;
    private final MessageSource messages;

    RosterController(Rosters rosters, MessageSource messages) {
        this.rosters = rosters;
        this.messages = messages;
    }

    static int lastYear() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() - 1;
    }

    @GetMapping("/rosters")
    @PreAuthorize(ProjectWeb.OFFICIALS)
    String list(Model model) {
        model.addAttribute("rosters", rosters.rosters());
        return "project/rosters";
    }

    @PostMapping("/rosters")
    @PreAuthorize(ProjectWeb.WRITE)
    String create(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
        try {
            return "redirect:/rosters/" + rosters.create(f.get("code"), f.get("name"), f.get("nameEn"), f.get("description"), ProjectWeb.actor());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/rosters";
        }
    }

    @GetMapping("/rosters/{id}")
    @PreAuthorize(ProjectWeb.OFFICIALS)
    String roster(@PathVariable long id, @RequestParam(required = false) String q, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("r", rosters.roster(id));
        model.addAttribute("members", rosters.members(id, q));
        model.addAttribute("history", rosters.history(id, year));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("year", year);
        model.addAttribute("lastYear", lastYear());
        model.addAttribute("kinds", Rosters.RuleKind.values());
        model.addAttribute("ruleRows", RULE_ROWS);
        return "project/roster";
    }

    @GetMapping("/rosters/{id}/export")
    @PreAuthorize(ProjectWeb.OFFICIALS)
    void export(@PathVariable long id, @RequestParam(defaultValue = "members") String what, @RequestParam(required = false) Integer year,
                HttpServletResponse response) throws IOException {
        Rosters.RosterRow r = rosters.roster(id);
        List<List<?>> rows = new ArrayList<>();
        if ("history".equals(what)) {
            for (Rosters.Change c : rosters.history(id, year)) {
                rows.add(Arrays.asList(c.year(), msg("project.roster.action." + c.action()), c.uscc(), c.enterpriseName(), c.regionCode(),
                        msg("project.roster.source." + c.source()), c.reason(), c.by(), c.at().toString()));
            }
            ProjectWeb.xlsx(response, "roster-" + r.code() + "-history.xlsx", r.name(), List.of(msg("project.col.year"), msg("project.roster.action"),
                    msg("project.col.uscc"), msg("project.col.investor"), msg("project.col.region"), msg("project.roster.source"),
                    msg("project.col.reasons"), msg("project.col.by"), msg("project.col.at")), rows);
            return;
        }
        for (Rosters.Member m : rosters.members(id, null)) {
            rows.add(Arrays.asList(m.uscc(), m.enterpriseName(), m.regionCode(), msg("project.roster.source." + m.source()), m.sinceYear(), m.reason(),
                    m.addedBy()));
        }
        ProjectWeb.xlsx(response, "roster-" + r.code() + ".xlsx", r.name(), List.of(msg("project.col.uscc"), msg("project.col.investor"),
                msg("project.col.region"), msg("project.roster.source"), msg("project.roster.since"), msg("project.col.reasons"), msg("project.col.by")), rows);
    }

    @PostMapping("/rosters/{id}/members")
    @PreAuthorize(ProjectWeb.WRITE)
    String add(@PathVariable long id, @RequestParam(required = false) String uscc, @RequestParam(required = false) String year, @RequestParam(required = false) String reason,
               RedirectAttributes redirect) {
        try {
            rosters.add(id, uscc, requiredYear(year), reason, ProjectWeb.actor());
            redirect.addFlashAttribute("ok", msg("project.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rosters/" + id;
    }

    @PostMapping("/rosters/{id}/members/remove")
    @PreAuthorize(ProjectWeb.WRITE)
    String remove(@PathVariable long id, @RequestParam(required = false) String uscc, @RequestParam(required = false) String year, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        try {
            rosters.remove(id, uscc, requiredYear(year), reason, ProjectWeb.actor());
            redirect.addFlashAttribute("ok", msg("project.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rosters/" + id;
    }

    @PostMapping("/rosters/{id}/refresh")
    @PreAuthorize(ProjectWeb.WRITE)
    String refresh(@PathVariable long id, @RequestParam(required = false) String year, RedirectAttributes redirect) {
        try {
            Rosters.RefreshResult r = rosters.refresh(id, requiredYear(year), ProjectWeb.actor());
            redirect.addFlashAttribute("ok", messages.getMessage("project.roster.refreshed", new Object[]{String.valueOf(r.year()), r.qualifying(), r.joined(), r.left()},
                    LocaleContextHolder.getLocale()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rosters/" + id;
    }

    @PostMapping("/rosters/{id}/rules")
    @PreAuthorize(ProjectWeb.WRITE)
    String rules(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes redirect) {
        try {
            List<Rosters.Rule> rules = new ArrayList<>();
            for (int i = 0; i < RULE_ROWS; i++) {
                String kind = f.get("kind_" + i);
                if (kind == null || kind.isBlank()) {
                    continue;
                }
                Rosters.RuleKind k;
                try {
                    k = Rosters.RuleKind.valueOf(kind);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("未知规则类型 / unknown rule kind: " + kind);
                }
                rules.add(new Rosters.Rule(k, f.get("text_" + i), ProjectWeb.number(f.get("num_" + i), msg("project.roster.param"))));
            }
            rosters.saveRules(id, ProjectWeb.requireVersion(ProjectWeb.integer(f.get("version"), "version")), rules, ProjectWeb.actor());
            redirect.addFlashAttribute("ok", msg("project.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rosters/" + id;
    }

    static int requiredYear(String s) {
        Integer y = ProjectWeb.integer(s, "year / 年度");
        if (y == null || y < 1990 || y > 2100) {
            throw new IllegalArgumentException("年度应在1990到2100之间 / the year must be 1990–2100");
        }
        return y;
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
