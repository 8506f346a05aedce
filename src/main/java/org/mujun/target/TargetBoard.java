package org.mujun.target;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mujun.region.Region;
import org.mujun.region.Regions;
import org.mujun.security.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Actual against target for a region and its child regions (SPEC §8): every indicator with a target or an
 * actual, and the decomposition checks of the additive ones. The region must be inside the scope (404
 * otherwise, as for any row outside the jurisdiction).
 */
@Component
public class TargetBoard {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Targets targets;
    private final TargetActuals actuals;
    private final Regions regions;
    private final Clock clock;

    TargetBoard(Targets targets, TargetActuals actuals, Regions regions) {
        this.targets = targets;
        this.actuals = actuals;
        this.regions = regions;
        this.clock = Clock.system(CHINA);
    }

    /** One region's figures. */
    public record RegionProgress(String region, String name, List<Progress.Figures> figures) {

        public Progress.Figures of(TargetIndicator i) {
            return figures.stream().filter(f -> f.indicator() == i).findFirst().orElse(null);
        }
    }

    /** A region, its children and the decomposition checks. */
    public record Overview(int year, BigDecimal timeShare, RegionProgress region, List<RegionProgress> children,
                           List<Decomposition.Result> checks, List<Targets.Target> targets) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The region code checked against the scope: blank = the scope's own region. */
    public String region(Scope scope, String region) {
        String own = scope.regionPrefix() == null ? "" : scope.regionPrefix();
        String r = region == null || region.isBlank() ? (own.isEmpty() ? "33" : own) : region.trim();
        if (!regions.exists(r) || !scope.businessData() || !r.startsWith(own)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "区划不存在或不在管辖范围内 / region not found");
        }
        return r;
    }

    public String name(String region) {
        return regions.name(region);
    }

    public List<Region> children(String region) {
        return regions.children(region);
    }

    public BigDecimal timeShare(int year) {
        LocalDate d = today();
        return Progress.timeShare(year, d.getYear(), d.getMonthValue());
    }

    /** Live figures of one region (targets within the scope; actuals from the providers). */
    public RegionProgress progress(Scope scope, String region, int year) {
        Map<TargetIndicator, BigDecimal> t = new EnumMap<>(TargetIndicator.class);
        for (Targets.Target x : targets.list(scope, region, year)) {
            if (x.regionCode().equals(region)) {
                t.put(x.indicator(), x.value());
            }
        }
        return progress(region, year, t, timeShare(year));
    }

    RegionProgress progress(String region, int year, Map<TargetIndicator, BigDecimal> t, BigDecimal share) {
        List<Progress.Figures> out = new ArrayList<>();
        for (TargetIndicator i : TargetIndicator.values()) {
            BigDecimal actual = actuals.actual(i, region, year).orElse(null);
            if (t.get(i) == null && actual == null) {
                continue;
            }
            out.add(Progress.of(i, t.get(i), actual, share));
        }
        return new RegionProgress(region, regions.name(region), out);
    }

    public Overview overview(Scope scope, String regionParam, int year) {
        String region = region(scope, regionParam);
        List<Targets.Target> all = targets.list(scope, region, year);
        Map<String, Map<TargetIndicator, BigDecimal>> byRegion = new HashMap<>();
        for (Targets.Target x : all) {
            byRegion.computeIfAbsent(x.regionCode(), k -> new EnumMap<>(TargetIndicator.class)).put(x.indicator(), x.value());
        }
        BigDecimal share = timeShare(year);
        RegionProgress own = progress(region, year, byRegion.getOrDefault(region, Map.of()), share);
        List<String> childCodes = regions.children(region).stream().map(Region::code).toList();
        List<RegionProgress> children = new ArrayList<>();
        for (String c : childCodes) {
            children.add(progress(c, year, byRegion.getOrDefault(c, Map.of()), share));
        }
        List<Decomposition.Result> checks = new ArrayList<>();
        for (TargetIndicator i : TargetIndicator.values()) {
            if (!i.additive()) {
                continue;
            }
            Map<String, BigDecimal> childTargets = new HashMap<>();
            for (String c : childCodes) {
                BigDecimal v = byRegion.getOrDefault(c, Map.of()).get(i);
                if (v != null) {
                    childTargets.put(c, v);
                }
            }
            Decomposition.Result r = Decomposition.check(i, byRegion.getOrDefault(region, Map.of()).get(i), childCodes, childTargets);
            if (r.status() != Decomposition.Status.NOT_SET || r.parentTarget() != null || !r.values().isEmpty()) {
                checks.add(r);
            }
        }
        return new Overview(year, share, own, children, checks, all);
    }

    /** The decomposition check of one indicator below a region (e.g. after setting a child's target). */
    public Decomposition.Result check(Scope scope, String parent, TargetIndicator indicator, int year) {
        List<String> childCodes = regions.children(parent).stream().map(Region::code).toList();
        Map<String, BigDecimal> values = new HashMap<>();
        BigDecimal parentValue = null;
        for (Targets.Target x : targets.list(scope, parent, year)) {
            if (x.indicator() != indicator) {
                continue;
            }
            if (x.regionCode().equals(parent)) {
                parentValue = x.value();
            } else if (childCodes.contains(x.regionCode())) {
                values.put(x.regionCode(), x.value());
            }
        }
        return Decomposition.check(indicator, parentValue, childCodes, values);
    }

    /** The parent of a region (null for a province). */
    public String parent(String region) {
        return regions.find(region).map(Region::parentCode).orElse(null);
    }
}
