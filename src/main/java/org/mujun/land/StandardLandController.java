package org.mujun.land;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mujun.land.StandardLandContract.ConsequenceRule;
import org.mujun.land.StandardLandContract.Indicator;
import org.mujun.land.StandardLandContract.PenaltyBasis;
import org.mujun.land.StandardLandContract.PenaltyTerm;
import org.mujun.land.StandardLandContract.Stage;
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

/** Pages of the 标准地 register: list, register, contract (moves, 达产复核 with preview), amend. */
@Controller
class StandardLandController {

    private final StandardLandContracts contracts;
    private final MessageSource messages;

    StandardLandController(StandardLandContracts contracts, MessageSource messages) {
        this.contracts = contracts;
        this.messages = messages;
    }

    @GetMapping("/land/standard")
    @PreAuthorize(LandWeb.READ)
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) Stage stage,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, page);
        StandardLandContracts.Page l = contracts.list(region, stage, q, p, 50);
        model.addAttribute("listing", l);
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("stage", stage);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("pages", Math.max(1, (l.total() + 49) / 50));
        return "land/standard-list";
    }

    @GetMapping("/land/standard/export")
    @PreAuthorize(LandWeb.READ)
    void export(@RequestParam(required = false) String region, @RequestParam(required = false) Stage stage,
                @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        StandardLandContracts.Page l = contracts.list(region, stage, q, 0, 1_000_000);
        List<List<?>> rows = new ArrayList<>();
        for (StandardLandContracts.Summary s : l.items()) {
            rows.add(Arrays.asList(s.contractNo(), s.certificateNo(), s.uscc(), s.enterpriseName(), s.regionCode(), s.areaMu(), s.landPriceWan(),
                    s.transferredOn(), s.agreedStart(), s.agreedReview(), msg("landsup.stage." + s.stage())));
        }
        LandWeb.xlsx(response, "standard-land.xlsx", msg("landsup.standard.title"), List.of(msg("landsup.col.contractNo"),
                msg("landsup.col.certificate"), msg("landsup.col.uscc"), msg("landsup.col.enterprise"), msg("landsup.col.region"),
                msg("landsup.col.areaMu"), msg("landsup.col.landPrice"), msg("landsup.col.transferredOn"), msg("landsup.col.agreedStart"),
                msg("landsup.col.agreedReview"), msg("landsup.col.stage")), rows);
    }

    @GetMapping("/land/standard/new")
    @PreAuthorize(LandWeb.WRITE)
    String newForm(@RequestParam(required = false) Long parcel, Model model) {
        Map<String, String> form = defaultsForm();
        if (parcel != null) {
            form.put("parcelId", parcel.toString());
        }
        return form(model, form, null, null);
    }

    @PostMapping("/land/standard")
    @PreAuthorize(LandWeb.WRITE)
    String register(@RequestParam Map<String, String> form, Model model) {
        try {
            long id = contracts.register(termsForm(form), LandWeb.actor());
            return "redirect:/land/standard/" + id;
        } catch (IllegalArgumentException e) {
            return form(model, form, null, e.getMessage());
        }
    }

    @GetMapping("/land/standard/{id}")
    @PreAuthorize(LandWeb.READ)
    String contract(@PathVariable long id, Model model) {
        model.addAttribute("c", contracts.find(id));
        model.addAttribute("indicators", Indicator.values());
        return "land/standard-contract";
    }

    @GetMapping("/land/standard/{id}/edit")
    @PreAuthorize(LandWeb.WRITE)
    String editForm(@PathVariable long id, Model model) {
        StandardLandContracts.Detail d = contracts.find(id);
        return form(model, formOf(d), d, null);
    }

    @PostMapping("/land/standard/{id}/edit")
    @PreAuthorize(LandWeb.WRITE)
    String edit(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        StandardLandContracts.Detail d = contracts.find(id);
        try {
            contracts.amend(id, LandWeb.requireVersion(LandWeb.integer(form.get("version"), "version")), termsForm(form), LandWeb.actor());
            return "redirect:/land/standard/" + id;
        } catch (IllegalArgumentException e) {
            return form(model, form, d, e.getMessage());
        }
    }

    @PostMapping("/land/standard/{id}/move")
    @PreAuthorize(LandWeb.WRITE)
    String move(@PathVariable long id, @RequestParam(required = false) String move, @RequestParam(required = false) String date,
                @RequestParam(required = false) String version, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        contracts.find(id); // 404 outside the jurisdiction, before any message about the form
        try {
            StandardLandContracts.Move m;
            try {
                m = StandardLandContracts.Move.valueOf(move == null ? "" : move);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("未知操作 / unknown move: " + move);
            }
            contracts.move(id, LandWeb.requireVersion(LandWeb.integer(version, "version")), m, LandWeb.date(date, msg("landsup.col.date")), reason,
                    LandWeb.actor());
            redirect.addFlashAttribute("ok", msg("landsup.moved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/land/standard/" + id;
    }

    @PostMapping("/land/standard/{id}/review/preview")
    @PreAuthorize(LandWeb.WRITE)
    String preview(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        model.addAttribute("c", contracts.find(id));
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("reviewForm", form);
        try {
            model.addAttribute("preview", contracts.preview(id, reviewInput(form)));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "land/standard-contract";
    }

    @PostMapping("/land/standard/{id}/review")
    @PreAuthorize(LandWeb.WRITE)
    String review(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        StandardLandActuals.Input input;
        try {
            input = reviewInput(form);
            contracts.record(id, LandWeb.requireVersion(LandWeb.integer(form.get("version"), "version")), input, LandWeb.actor());
        } catch (IllegalArgumentException e) {
            model.addAttribute("c", contracts.find(id));
            model.addAttribute("indicators", Indicator.values());
            model.addAttribute("reviewForm", form);
            model.addAttribute("error", e.getMessage());
            return "land/standard-contract";
        }
        redirect.addFlashAttribute("ok", msg("landsup.review.recorded"));
        return "redirect:/land/standard/" + id;
    }

    // ---------------------------------------------------------------- forms

    private String form(Model model, Map<String, String> form, StandardLandContracts.Detail d, String error) {
        model.addAttribute("form", form);
        model.addAttribute("c", d);
        model.addAttribute("error", error);
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("bases", PenaltyBasis.values());
        model.addAttribute("parcels", d == null ? contracts.eligibleParcels() : List.of());
        return "land/standard-form";
    }

    static Map<String, String> defaultsForm() {
        ConsequenceRule r = ConsequenceRule.defaults();
        Map<String, String> m = new java.util.HashMap<>();
        m.put("penaltyBasis", r.defaultTerm().basis().name());
        m.put("penaltyRate", r.defaultTerm().rate().toPlainString());
        m.put("capPercent", plain(r.capPercentOfLandPrice()));
        m.put("capAmountWan", r.capAmount() == null ? "" : plain(r.capAmount().value()));
        m.put("rectificationMonths", Integer.toString(r.rectificationMonths()));
        m.put("reclaimShortfallPercent", plain(r.reclaimShortfallPercent()));
        m.put("reclaimAfterFailedReReviews", Integer.toString(r.reclaimAfterFailedReReviews()));
        m.put("penaltyOnReReview", r.penaltyOnReReview() ? "true" : "");
        m.put("tolerancePercent", plain(r.tolerancePercent()));
        return m;
    }

    static Map<String, String> formOf(StandardLandContracts.Detail d) {
        Map<String, String> m = new java.util.HashMap<>();
        StandardLandContracts.Summary s = d.summary();
        ConsequenceRule r = d.rule();
        m.put("version", Integer.toString(s.version()));
        m.put("contractNo", s.contractNo());
        m.put("parcelId", Long.toString(s.parcelId()));
        m.put("uscc", s.uscc());
        m.put("landPriceWan", plain(s.landPriceWan()));
        m.put("transferredOn", s.transferredOn().toString());
        m.put("agreedDelivery", d.agreed().delivery().toString());
        m.put("agreedStart", d.agreed().start().toString());
        m.put("agreedCompletion", d.agreed().completion().toString());
        m.put("agreedProduction", d.agreed().production().toString());
        m.put("agreedReview", d.agreed().review().toString());
        for (StandardLandContracts.CommitmentLine l : d.commitments()) {
            m.put("commit_" + l.indicator(), plain(l.committed()));
            if (l.ownTerm() != null) {
                m.put("basis_" + l.indicator(), l.ownTerm().basis().name());
                m.put("rate_" + l.indicator(), plain(l.ownTerm().rate()));
            }
        }
        m.put("penaltyBasis", r.defaultTerm().basis().name());
        m.put("penaltyRate", plain(r.defaultTerm().rate()));
        m.put("capPercent", plain(r.capPercentOfLandPrice()));
        m.put("capAmountWan", r.capAmount() == null ? "" : plain(r.capAmount().value()));
        m.put("rectificationMonths", Integer.toString(r.rectificationMonths()));
        m.put("reclaimShortfallPercent", plain(r.reclaimShortfallPercent()));
        m.put("reclaimAfterFailedReReviews", Integer.toString(r.reclaimAfterFailedReReviews()));
        m.put("penaltyOnReReview", r.penaltyOnReReview() ? "true" : "");
        m.put("tolerancePercent", plain(r.tolerancePercent()));
        m.put("note", d.note() == null ? "" : d.note());
        return m;
    }

    private static String plain(BigDecimal b) {
        return b == null ? "" : b.stripTrailingZeros().toPlainString();
    }

    StandardLandContracts.TermsForm termsForm(Map<String, String> f) {
        Map<Indicator, BigDecimal> commitments = new EnumMap<>(Indicator.class);
        Map<Indicator, PenaltyTerm> overrides = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            BigDecimal c = LandWeb.number(f.get("commit_" + i), i.nameZh());
            if (c != null) {
                commitments.put(i, c);
            }
            String basis = f.get("basis_" + i);
            BigDecimal rate = LandWeb.number(f.get("rate_" + i), i.nameZh() + " " + msg("landsup.col.rate"));
            if (basis != null && !basis.isBlank() && rate != null) {
                overrides.put(i, new PenaltyTerm(PenaltyBasis.valueOf(basis), rate));
            }
        }
        String pb = f.get("penaltyBasis");
        Long parcel = f.get("parcelId") == null || f.get("parcelId").isBlank() ? null : LandWeb.integer(f.get("parcelId"), "parcel").longValue();
        return new StandardLandContracts.TermsForm(f.get("contractNo"), parcel, f.get("uscc"),
                LandWeb.number(f.get("landPriceWan"), msg("landsup.col.landPrice")), LandWeb.date(f.get("transferredOn"), msg("landsup.col.transferredOn")),
                LandWeb.date(f.get("agreedDelivery"), msg("landsup.date.delivery")), LandWeb.date(f.get("agreedStart"), msg("landsup.date.start")),
                LandWeb.date(f.get("agreedCompletion"), msg("landsup.date.completion")), LandWeb.date(f.get("agreedProduction"), msg("landsup.date.production")),
                LandWeb.date(f.get("agreedReview"), msg("landsup.date.review")), commitments, overrides,
                pb == null || pb.isBlank() ? null : PenaltyBasis.valueOf(pb), LandWeb.number(f.get("penaltyRate"), msg("landsup.rule.rate")),
                LandWeb.number(f.get("capPercent"), msg("landsup.rule.capPercent")), LandWeb.number(f.get("capAmountWan"), msg("landsup.rule.capAmount")),
                LandWeb.integer(f.get("rectificationMonths"), msg("landsup.rule.months")),
                LandWeb.number(f.get("reclaimShortfallPercent"), msg("landsup.rule.reclaimShortfall")),
                LandWeb.integer(f.get("reclaimAfterFailedReReviews"), msg("landsup.rule.reclaimReReviews")),
                "true".equals(f.get("penaltyOnReReview")) || "on".equals(f.get("penaltyOnReReview")),
                LandWeb.number(f.get("tolerancePercent"), msg("landsup.rule.tolerance")), f.get("note"));
    }

    StandardLandActuals.Input reviewInput(Map<String, String> f) {
        Map<Indicator, StandardLandActuals.Override> overrides = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            BigDecimal v = LandWeb.number(f.get("override_" + i), i.nameZh());
            if (v != null) {
                overrides.put(i, new StandardLandActuals.Override(v, f.get("overrideReason_" + i)));
            }
        }
        return new StandardLandActuals.Input(LandWeb.date(f.get("reviewedOn"), msg("landsup.review.date")),
                LandWeb.integer(f.get("dataYear"), msg("landsup.review.dataYear")),
                LandWeb.number(f.get("investmentWan"), msg("landsup.review.investment")),
                LandWeb.number(f.get("floorAreaRatio"), msg("landsup.review.far")), overrides);
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
