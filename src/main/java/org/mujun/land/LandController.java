package org.mujun.land;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.mujun.common.ExcelExport;
import org.mujun.region.Regions;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Land pages: parcels (list, export, parcel page with its polygon on a blank map) and leases. */
@Controller
class LandController {

    static final String BUSINESS = "isAuthenticated() and !hasAnyRole('SECURITY_ADMIN','DATA_PROVIDER')";
    static final int PAGE_SIZE = 50;

    private final Parcels parcels;
    private final Leases leases;
    private final Regions regions;
    private final Jurisdiction jurisdiction;
    private final MessageSource messages;

    LandController(Parcels parcels, Leases leases, Regions regions, Jurisdiction jurisdiction, MessageSource messages) {
        this.parcels = parcels;
        this.leases = leases;
        this.regions = regions;
        this.jurisdiction = jurisdiction;
        this.messages = messages;
    }

    @GetMapping("/parcels")
    @PreAuthorize(BUSINESS)
    String parcels(@RequestParam(required = false) String region, @RequestParam(required = false) String owner,
                   @RequestParam(required = false) Boolean standardLand, @RequestParam(required = false) BigDecimal minMu,
                   @RequestParam(required = false) BigDecimal maxMu, @RequestParam(defaultValue = "0") int page, Model model) {
        Parcels.Filter f = new Parcels.Filter(region, owner, standardLand, minMu, maxMu);
        model.addAttribute("result", parcels.search(f, page, PAGE_SIZE, jurisdiction.current()));
        model.addAttribute("f", f);
        model.addAttribute("regions", regions);
        return "land/parcels";
    }

    @GetMapping("/parcels/export")
    @PreAuthorize(BUSINESS)
    void exportParcels(@RequestParam(required = false) String region, @RequestParam(required = false) String owner,
                       @RequestParam(required = false) Boolean standardLand, @RequestParam(required = false) BigDecimal minMu,
                       @RequestParam(required = false) BigDecimal maxMu, HttpServletResponse response) throws IOException {
        Parcels.Filter f = new Parcels.Filter(region, owner, standardLand, minMu, maxMu);
        List<String> headers = Stream.of("certificateNo", "ownerUscc", "ownerName", "regionCode", "region", "areaM2", "areaMu", "landUse",
                "standardLand", "transferDate", "transferPrice").map(k -> msg("land.col." + k)).toList();
        try (Stream<Parcels.Row> rows = parcels.stream(f, jurisdiction.current())) {
            attachment(response, "parcels.xlsx");
            Iterable<List<?>> table = () -> rows.<List<?>>map(r -> Arrays.asList(r.certificateNo(), r.ownerUscc(), r.ownerName(),
                    r.regionCode(), regions.pathName(r.regionCode()), r.areaM2(), r.areaMu(), r.landUse(),
                    msg(r.standardLand() ? "land.yes" : "land.no"), r.transferDate(), r.transferPriceWan())).iterator();
            ExcelExport.write(response.getOutputStream(), msg("land.parcels.title"), headers, table);
        }
    }

    @GetMapping("/parcels/{id}")
    @PreAuthorize(BUSINESS)
    String parcel(@PathVariable long id, Model model) {
        Scope scope = jurisdiction.current();
        Parcels.Parcel p = parcels.find(id, scope).orElseThrow(() -> notFound(id));
        model.addAttribute("p", p);
        model.addAttribute("r", p.row());
        model.addAttribute("regionPath", regions.pathName(p.row().regionCode()));
        model.addAttribute("leases", leases.onParcel(id, scope));
        return "land/parcel";
    }

    @GetMapping("/leases")
    @PreAuthorize(BUSINESS)
    String leases(@RequestParam(required = false) String uscc, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", leases.search(uscc, year, region, page, PAGE_SIZE, jurisdiction.current()));
        model.addAttribute("uscc", uscc == null ? "" : uscc);
        model.addAttribute("year", year);
        model.addAttribute("region", region == null ? "" : region);
        return "land/leases";
    }

    @GetMapping("/leases/export")
    @PreAuthorize(BUSINESS)
    void exportLeases(@RequestParam(required = false) String uscc, @RequestParam(required = false) Integer year,
                      @RequestParam(required = false) String region, HttpServletResponse response) throws IOException {
        List<String> headers = Stream.of("certificateNo", "lessorUscc", "lessorName", "lesseeUscc", "lesseeName", "areaM2", "areaMu",
                "startYear", "endYear").map(k -> msg("land.col." + k)).toList();
        try (Stream<Leases.Row> rows = leases.stream(uscc, year, region, jurisdiction.current())) {
            attachment(response, "leases.xlsx");
            Iterable<List<?>> table = () -> rows.<List<?>>map(r -> Arrays.asList(r.certificateNo(), r.lessorUscc(), r.lessorName(),
                    r.lesseeUscc(), r.lesseeName(), r.areaM2(), r.areaMu(), r.startYear(), r.endYear())).iterator();
            ExcelExport.write(response.getOutputStream(), msg("land.leases.title"), headers, table);
        }
    }

    static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "地块不存在或不在管辖范围内 / parcel " + id + " not found");
    }

    private static void attachment(HttpServletResponse response, String name) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
