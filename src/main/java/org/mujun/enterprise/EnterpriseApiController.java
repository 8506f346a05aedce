package org.mujun.enterprise;

import java.util.List;
import org.mujun.industry.Industries;
import org.mujun.region.Regions;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Scope;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of enterprises and the USCC override list (SPEC §2, §10). */
@RestController
@RequestMapping("/api/v1")
class EnterpriseApiController {

    private final Enterprises enterprises;
    private final EnterpriseRecords records;
    private final UsccOverrides overrides;
    private final Regions regions;
    private final Industries industries;
    private final Jurisdiction jurisdiction;

    EnterpriseApiController(Enterprises enterprises, EnterpriseRecords records, UsccOverrides overrides, Regions regions,
                            Industries industries, Jurisdiction jurisdiction) {
        this.enterprises = enterprises;
        this.records = records;
        this.overrides = overrides;
        this.regions = regions;
        this.industries = industries;
        this.jurisdiction = jurisdiction;
    }

    /** {@code total} is exact when {@code totalExact}; otherwise there are more than 10,000 matches. */
    record PageView(List<Enterprises.Row> items, int page, int size, long total, boolean totalExact, boolean hasNext) {
    }

    /** An enterprise with its region path, industry name and yearly data (tax null and {@code taxMasked} for roles without tax). */
    record Detail(Enterprises.Enterprise enterprise, String regionPath, String industryName, EnterpriseRecords.Data records) {
    }

    record OverrideRequest(String uscc, String reason) {
    }

    @GetMapping("/enterprises")
    @PreAuthorize(EnterpriseController.BUSINESS)
    PageView list(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                  @RequestParam(required = false) String industry, @RequestParam(required = false) String sizeClass,
                  @RequestParam(required = false) String status, @RequestParam(required = false) Long zone,
                  @RequestParam(required = false) String flag, @RequestParam(required = false) String sort,
                  @RequestParam(required = false) String dir,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Enterprises.Page p = enterprises.search(new Enterprises.Filter(q, region, industry, sizeClass, status, zone, flag),
                Enterprises.Sort.parse(sort), "desc".equalsIgnoreCase(dir), page, size, jurisdiction.current());
        return new PageView(p.items(), p.page(), p.size(), p.total(), p.totalExact(), p.hasNext());
    }

    @GetMapping("/enterprises/{id}")
    @PreAuthorize(EnterpriseController.BUSINESS)
    Detail enterprise(@PathVariable long id) {
        Scope scope = jurisdiction.current();
        return detail(enterprises.find(id, scope).orElseThrow(() -> Enterprises.notFound(id)), scope);
    }

    @GetMapping("/enterprises/by-uscc/{uscc}")
    @PreAuthorize(EnterpriseController.BUSINESS)
    Detail byUscc(@PathVariable String uscc) {
        Scope scope = jurisdiction.current();
        return detail(enterprises.findByUscc(uscc, scope).orElseThrow(() -> Enterprises.notFound(uscc)), scope);
    }

    /** Body: name, regionCode (town), zoneId, industryCode, sizeClass, status, mergedIntoUscc, flags, version. */
    @PutMapping("/enterprises/{id}")
    @PreAuthorize(EnterpriseController.ADMINS)
    Detail update(@PathVariable long id, @RequestBody(required = false) Enterprises.Update body) {
        Scope scope = jurisdiction.current();
        return detail(enterprises.update(id, body, scope, EnterpriseController.actor()), scope);
    }

    @GetMapping("/uscc-overrides")
    @PreAuthorize(UsccOverrideController.READERS)
    List<UsccOverrides.Entry> overrides() {
        return overrides.all();
    }

    @PostMapping("/uscc-overrides")
    @PreAuthorize(UsccOverrideController.EDITORS)
    @ResponseStatus(HttpStatus.CREATED)
    UsccOverrides.Entry addOverride(@RequestBody(required = false) OverrideRequest body) {
        if (body == null) {
            throw new IllegalArgumentException("请求体需包含 uscc 和 reason / the body must contain uscc and reason");
        }
        return overrides.add(body.uscc(), body.reason(), EnterpriseController.actor());
    }

    @DeleteMapping("/uscc-overrides/{uscc}")
    @PreAuthorize(UsccOverrideController.EDITORS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeOverride(@PathVariable String uscc) {
        overrides.remove(uscc, EnterpriseController.actor());
    }

    private Detail detail(Enterprises.Enterprise e, Scope scope) {
        MujunUser me = Jurisdiction.currentUser();
        boolean seesTax = me != null && me.role().seesTax();
        return new Detail(e, regions.pathName(e.regionCode()),
                industries.nearest(e.industryCode()).map(i -> i.label(LocaleContextHolder.getLocale())).orElse(null),
                records.of(e.uscc(), scope, seesTax, 100));
    }
}
