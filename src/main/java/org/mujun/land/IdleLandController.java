package org.mujun.land;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mujun.security.Jurisdiction;
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

/** Pages of the 闲置土地 check: findings, a parcel's development record and history, the rule settings. */
@Controller
class IdleLandController {

    private final IdleLandCheck check;
    private final LandSettings settings;
    private final Jurisdiction jurisdiction;
    private final MessageSource messages;

    IdleLandController(IdleLandCheck check, LandSettings settings, Jurisdiction jurisdiction, MessageSource messages) {
        this.check = check;
        this.settings = settings;
        this.jurisdiction = jurisdiction;
        this.messages = messages;
    }

    @GetMapping("/land/idle")
    @PreAuthorize(LandWeb.READ)
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, page);
        IdleLandCheck.Page l = check.list(region, status, p, 50);
        model.addAttribute("listing", l);
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("status", status == null || status.isBlank() ? "FLAGGED" : status);
        model.addAttribute("pages", Math.max(1, (l.total() + 49) / 50));
        model.addAttribute("runs", check.runs(LandWeb.userRegion(), 10));
        model.addAttribute("today", LocalDate.now(IdleLandCheck.ZONE));
        return "land/idle-list";
    }

    @PostMapping("/land/idle/run")
    @PreAuthorize(LandWeb.WRITE)
    String run(@RequestParam(required = false) String asOf, RedirectAttributes redirect) {
        try {
            LocalDate d = LandWeb.date(asOf, msg("landsup.idle.asOf"));
            IdleLandCheck.RunSummary s = check.run(d == null ? LocalDate.now(IdleLandCheck.ZONE) : d, "MANUAL", LandWeb.actor(), jurisdiction.current());
            redirect.addFlashAttribute("ok", messages.getMessage("landsup.idle.ran", new Object[]{s.asOf(), s.parcels(), s.idle(), s.reclaim(),
                    s.incomplete(), s.changed()}, LocaleContextHolder.getLocale()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/land/idle";
    }

    @GetMapping("/land/idle/export")
    @PreAuthorize(LandWeb.READ)
    void export(@RequestParam(required = false) String region, @RequestParam(required = false) String status,
                HttpServletResponse response) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (IdleLandCheck.StatusRow r : check.export(region, status)) {
            rows.add(Arrays.asList(r.certificateNo(), r.regionCode(), r.uscc(), r.enterpriseName(), msg("landsup.idle.status." + r.status()),
                    r.basis() == null ? "" : msg("landsup.idle.basis." + r.basis()), r.asOf(), r.since(), r.idleFrom(), r.reclaimFrom(), r.feeWan(),
                    r.landPriceWan(), String.join("；", r.reasons()), r.rules()));
        }
        LandWeb.xlsx(response, "idle-land.xlsx", msg("landsup.idle.title"), List.of(msg("landsup.col.certificate"), msg("landsup.col.region"),
                msg("landsup.col.uscc"), msg("landsup.col.enterprise"), msg("landsup.col.status"), msg("landsup.idle.basis"), msg("landsup.idle.asOf"),
                msg("landsup.idle.since"), msg("landsup.idle.idleFrom"), msg("landsup.idle.reclaimFrom"), msg("landsup.idle.fee"),
                msg("landsup.col.landPrice"), msg("landsup.col.reasons"), msg("landsup.idle.rules")), rows);
    }

    @GetMapping("/land/idle/parcels/{id}")
    @PreAuthorize(LandWeb.READ)
    String parcel(@PathVariable long id, Model model) {
        model.addAttribute("p", check.parcel(id));
        return "land/idle-parcel";
    }

    @PostMapping("/land/idle/parcels/{id}/development")
    @PreAuthorize(LandWeb.WRITE)
    String development(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes redirect) {
        check.parcel(id); // 404 outside the jurisdiction, before any message about the form
        try {
            int version = LandWeb.requireVersion(LandWeb.integer(f.get("version"), "version"));
            check.saveDevelopment(id, version, developmentOf(f), LandWeb.actor());
            redirect.addFlashAttribute("ok", msg("landsup.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/land/idle/parcels/" + id;
    }

    IdleLandCheck.Development developmentOf(Map<String, String> f) {
        return new IdleLandCheck.Development(LandWeb.date(f.get("agreedStart"), msg("landsup.dev.agreedStart")),
                LandWeb.date(f.get("actualStart"), msg("landsup.dev.actualStart")),
                LandWeb.number(f.get("developedAreaM2"), msg("landsup.dev.developed")), LandWeb.number(f.get("investedWan"), msg("landsup.dev.invested")),
                LandWeb.number(f.get("totalInvestmentWan"), msg("landsup.dev.total")), LandWeb.date(f.get("stoppedOn"), msg("landsup.dev.stopped")),
                "true".equals(f.get("governmentCaused")), f.get("note"), 0, null, null);
    }

    @GetMapping("/land/idle/settings")
    @PreAuthorize(LandWeb.SETTINGS)
    String settings(Model model) {
        String region = LandWeb.userRegion();
        IdleLandCheck.Effective e = check.effective(region);
        model.addAttribute("effective", e);
        model.addAttribute("form", e.form());
        model.addAttribute("region", region);
        model.addAttribute("canEdit", Jurisdiction.currentUser() != null && Jurisdiction.currentUser().role().isAdmin());
        model.addAttribute("history", settings.history(LandSettings.IDLE_LAND, region));
        return "land/idle-settings";
    }

    @PostMapping("/land/idle/settings")
    @PreAuthorize(LandWeb.WRITE)
    String saveSettings(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
        try {
            IdleRulesForm form = new IdleRulesForm(req(f, "notStartedIdleMonths"), "true".equals(f.get("notStartedIdleInclusive")),
                    req(f, "notStartedReclaimMonths"), "true".equals(f.get("notStartedReclaimInclusive")),
                    LandWeb.number(f.get("idleFeePercent"), msg("landsup.settings.fee")),
                    LandWeb.number(f.get("minDevelopedNumerator"), msg("landsup.settings.developed")),
                    LandWeb.number(f.get("minDevelopedDenominator"), msg("landsup.settings.developed")),
                    LandWeb.number(f.get("minInvestmentNumerator"), msg("landsup.settings.investment")),
                    LandWeb.number(f.get("minInvestmentDenominator"), msg("landsup.settings.investment")),
                    req(f, "stalledIdleMonths"), "true".equals(f.get("stalledIdleInclusive")),
                    LandWeb.integer(f.get("stalledReclaimMonths"), msg("landsup.settings.stalledReclaim")),
                    "true".equals(f.get("stalledReclaimInclusive")));
            form.toRules();
            settings.save(LandSettings.IDLE_LAND, LandWeb.userRegion(), form.toJson(), f.get("note"), LandWeb.actor());
            redirect.addFlashAttribute("ok", msg("landsup.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/land/idle/settings";
    }

    private int req(Map<String, String> f, String key) {
        Integer v = LandWeb.integer(f.get(key), msg("landsup.settings." + key));
        if (v == null) {
            throw new IllegalArgumentException(msg("landsup.settings." + key) + "：必填 / required");
        }
        return v;
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
