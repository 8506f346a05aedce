package org.mujun.enterprise;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.mujun.common.EnterprisePanel;
import org.mujun.common.ExcelExport;
import org.mujun.common.NavLink;
import org.mujun.industry.Industries;
import org.mujun.region.Regions;
import org.mujun.region.Zones;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Scope;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Enterprise pages: the searchable list with Excel export, an enterprise's page, the administrators' editor. */
@Controller
class EnterpriseController {

    static final String BUSINESS = "isAuthenticated() and !hasAnyRole('SECURITY_ADMIN','DATA_PROVIDER')";
    static final String ADMINS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN')";
    static final int PAGE_SIZE = 50;

    private final Enterprises enterprises;
    private final EnterpriseRecords records;
    private final Regions regions;
    private final Zones zones;
    private final Industries industries;
    private final List<EnterprisePanel.Provider> panels;
    private final Jurisdiction jurisdiction;
    private final MessageSource messages;

    EnterpriseController(Enterprises enterprises, EnterpriseRecords records, Regions regions, Zones zones, Industries industries,
                         List<EnterprisePanel.Provider> panels, Jurisdiction jurisdiction, MessageSource messages) {
        this.enterprises = enterprises;
        this.records = records;
        this.regions = regions;
        this.zones = zones;
        this.industries = industries;
        this.panels = panels;
        this.jurisdiction = jurisdiction;
        this.messages = messages;
    }

    @Bean
    static NavLink enterpriseNavLink() {
        return new NavLink(20, "nav.enterprises", "/enterprises", NavLink.BUSINESS);
    }

    @GetMapping("/enterprises")
    @PreAuthorize(BUSINESS)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                @RequestParam(required = false) String industry, @RequestParam(required = false) String sizeClass,
                @RequestParam(required = false) String status, @RequestParam(required = false) Long zone,
                @RequestParam(required = false) String flag, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, @RequestParam(defaultValue = "0") int page, Model model) {
        Enterprises.Filter f = new Enterprises.Filter(q, region, industry, sizeClass, status, zone, flag);
        Enterprises.Sort s = Enterprises.Sort.parse(sort);
        boolean desc = "desc".equalsIgnoreCase(dir);
        model.addAttribute("result", enterprises.search(f, s, desc, page, PAGE_SIZE, jurisdiction.current()));
        model.addAttribute("f", f);
        model.addAttribute("sort", s.name().toLowerCase(Locale.ROOT));
        model.addAttribute("dir", desc ? "desc" : "asc");
        model.addAttribute("statuses", Enterprises.STATUSES);
        model.addAttribute("knownFlags", Enterprises.KNOWN_FLAGS);
        model.addAttribute("zones", zones.list(jurisdiction.current(), null, null));
        model.addAttribute("regions", regions);
        model.addAttribute("industries", industries);
        return "enterprise/list";
    }

    @GetMapping("/enterprises/export")
    @PreAuthorize(BUSINESS)
    @Transactional(readOnly = true)
    public void export(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                       @RequestParam(required = false) String industry, @RequestParam(required = false) String sizeClass,
                       @RequestParam(required = false) String status, @RequestParam(required = false) Long zone,
                       @RequestParam(required = false) String flag, @RequestParam(required = false) String sort,
                       @RequestParam(required = false) String dir, HttpServletResponse response) throws IOException {
        Enterprises.Filter f = new Enterprises.Filter(q, region, industry, sizeClass, status, zone, flag);
        Enterprises.Sort s = Enterprises.Sort.parse(sort);
        Locale locale = LocaleContextHolder.getLocale();
        List<String> headers = Stream.of("uscc", "name", "regionCode", "region", "zone", "industryCode", "industry", "size", "status",
                "mergedInto", "registeredOn", "flags").map(k -> msg("enterprise.col." + k)).toList();
        try (Stream<Enterprises.Row> rows = enterprises.stream(f, s, "desc".equalsIgnoreCase(dir), jurisdiction.current())) {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode("enterprises.xlsx", StandardCharsets.UTF_8));
            Iterable<List<?>> table = () -> rows.<List<?>>map(r -> Arrays.asList(r.uscc(), r.name(), r.regionCode(),
                    regions.pathName(r.regionCode()), r.zoneName(), r.industryCode(), industries.nearest(r.industryCode()).map(i -> i.label(locale)).orElse(null),
                    msg("enterprise.size." + r.sizeClass()), msg("enterprise.status." + r.status()), r.mergedIntoUscc(), r.registeredOn(),
                    String.join(";", r.flags()))).iterator();
            ExcelExport.write(response.getOutputStream(), msg("enterprise.list.title"), headers, table);
        }
    }

    @GetMapping("/enterprises/{id}")
    @PreAuthorize(BUSINESS)
    String enterprise(@PathVariable long id, Model model) {
        Scope scope = jurisdiction.current();
        Enterprises.Enterprise e = enterprises.find(id, scope).orElseThrow(() -> Enterprises.notFound(id));
        MujunUser me = Jurisdiction.currentUser();
        boolean seesTax = me != null && me.role().seesTax();
        EnterpriseRecords.Data data = records.of(e.uscc(), scope, seesTax, 200);
        model.addAttribute("e", e);
        model.addAttribute("regionPath", regions.pathName(e.regionCode()));
        model.addAttribute("industryLabel", industries.label(e.industryCode(), LocaleContextHolder.getLocale()));
        model.addAttribute("mergedInto", e.mergedIntoUscc() == null ? Optional.empty() : enterprises.findByUscc(e.mergedIntoUscc(), scope));
        model.addAttribute("data", data);
        model.addAttribute("energyByYear", EnterpriseRecords.energyByYear(data.energy()));
        model.addAttribute("panels", panels.stream().map(p -> p.panel(e.id(), e.uscc())).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(EnterprisePanel::order)).toList());
        model.addAttribute("editable", me != null && me.role().isAdmin());
        return "enterprise/enterprise";
    }

    @GetMapping("/enterprises/{id}/edit")
    @PreAuthorize(ADMINS)
    String edit(@PathVariable long id, Model model) {
        Scope scope = jurisdiction.current();
        Enterprises.Enterprise e = enterprises.find(id, scope).orElseThrow(() -> Enterprises.notFound(id));
        model.addAttribute("e", e);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Enterprises.Update(e.name(), e.regionCode(), e.zoneId(), e.industryCode(), e.sizeClass(),
                    e.status(), e.mergedIntoUscc(), e.flags(), e.version()));
        }
        Enterprises.Update form = (Enterprises.Update) model.getAttribute("form");
        model.addAttribute("otherFlags", form == null || form.flags() == null ? ""
                : String.join(";", form.flags().stream().filter(x -> !Enterprises.KNOWN_FLAGS.contains(x)).toList()));
        model.addAttribute("towns", regions.all().stream().filter(r -> r.level().equals("town") && scope.coversRegion(r.code())).toList());
        model.addAttribute("zones", zones.list(scope, null, null));
        model.addAttribute("statuses", Enterprises.STATUSES);
        model.addAttribute("knownFlags", Enterprises.KNOWN_FLAGS);
        return "enterprise/edit";
    }

    /** A stale version is answered 409 with the error page (ErrorAdvice); bad input goes back to the form. */
    @PostMapping("/enterprises/{id}")
    @PreAuthorize(ADMINS)
    String save(@PathVariable long id, @RequestParam(required = false) Integer version, @RequestParam(required = false) String name,
                @RequestParam(required = false) String regionCode, @RequestParam(required = false) Long zoneId,
                @RequestParam(required = false) String industryCode, @RequestParam(required = false) String sizeClass,
                @RequestParam(required = false) String status, @RequestParam(required = false) String mergedIntoUscc,
                @RequestParam(required = false) List<String> flags, @RequestParam(required = false) String otherFlags,
                RedirectAttributes redirect) {
        enterprises.find(id, jurisdiction.current()).orElseThrow(() -> Enterprises.notFound(id));
        required(version, "version");
        required(name, "name");
        List<String> all = new java.util.ArrayList<>(flags == null ? List.of() : flags);
        if (otherFlags != null) {
            all.add(otherFlags);
        }
        Enterprises.Update u = new Enterprises.Update(name, regionCode, zoneId, industryCode, sizeClass, status,
                mergedIntoUscc, all, version);
        try {
            enterprises.update(id, u, jurisdiction.current(), actor());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/enterprises/" + id;
        } catch (IllegalArgumentException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
            redirect.addFlashAttribute("form", u);
            return "redirect:/enterprises/" + id + "/edit";
        }
    }

    static String actor() {
        MujunUser u = Jurisdiction.currentUser();
        return u == null ? "system" : u.username();
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** A form field the handler needs; checked after the role check, so a refused role gets 403, a bad form 400. */
    static <T> T required(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException("缺少必填项 " + field + " / " + field + " is required");
        }
        return value;
    }
}
