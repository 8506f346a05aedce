package org.mujun.land;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mujun.common.Mu;

/**
 * An enterprise's evaluated land (用地面积, SPEC §2) for one year: the area it owns plus the area
 * it rents from others minus the area it rents out, as a {@link LandRule} says. Plain Java, no
 * Spring or SQL: {@link LandAreas} reads the rows and calls this.
 * <ul>
 *   <li>A lease counts in year Y when {@code startYear ≤ Y ≤ endYear} (both inclusive).</li>
 *   <li>The result is never negative: renting out more than one owns (a data error the quality
 *       checks also report) is clamped at 0 and flagged with the unclamped value.</li>
 *   <li>With {@link LandRule#mergeTenants()}, each tenant joins its landlord (the one renting it the
 *       most area in the year; on a tie the smaller USCC), following chains of sub-leases up to the
 *       top landlord. The top landlord's area is the owned area of the whole group; members get 0
 *       and {@code mergedInto}. Owned areas of group members outside the map given count as 0.</li>
 *   <li>{@code tenants} is the number of distinct enterprises renting from this one in the year,
 *       whatever the rule (schemes deduct "per tenant beyond the first").</li>
 * </ul>
 */
public final class EvaluatedLand {

    private EvaluatedLand() {
    }

    /** A lease (出租/承租) between two enterprises; years inclusive. */
    public record Lease(String lessorUscc, String lesseeUscc, BigDecimal areaM2, int startYear, int endYear) {
        public Lease {
            if (areaM2 == null || areaM2.signum() < 0) {
                throw new IllegalArgumentException("租赁面积不能为负 / leased area must not be negative: " + areaM2);
            }
        }

        public boolean activeIn(int year) {
            return startYear <= year && year <= endYear;
        }
    }

    /**
     * One enterprise-year.
     *
     * @param evaluatedM2  the area the evaluation divides by, in m² (≥ 0)
     * @param clamped      true when the rule gave a negative area and 0 was used
     * @param unclampedM2  the rule's value before clamping (negative when clamped)
     * @param tenants      distinct enterprises renting from this one in the year
     * @param mergedInto   with mergeTenants: the landlord this tenant is evaluated with, else null
     * @param mergedTenants with mergeTenants: the enterprises merged into this one (USCC order)
     */
    public record Result(String uscc, int year, BigDecimal ownedM2, BigDecimal leasedInM2, BigDecimal leasedOutM2,
                         BigDecimal evaluatedM2, boolean clamped, BigDecimal unclampedM2, int tenants, String mergedInto,
                         List<String> mergedTenants) {

        /** The evaluated area in 亩 (1 亩 = 666.67 m²). */
        public Mu mu() {
            return Mu.ofSquareMetres(evaluatedM2);
        }

        /** 亩 rounded to 2 decimals for display. */
        @com.fasterxml.jackson.annotation.JsonProperty
        public BigDecimal evaluatedMu() {
            return mu().value().setScale(2, java.math.RoundingMode.HALF_UP);
        }
    }

    /** One enterprise alone (leases of others are ignored). Owned area in m². */
    public static Result of(String uscc, int year, LandRule rule, BigDecimal ownedM2, Collection<Lease> leases) {
        Map<String, BigDecimal> owned = new HashMap<>();
        owned.put(uscc, ownedM2);
        return forAll(year, rule, owned, leases).get(uscc);
    }

    /**
     * Every enterprise of {@code ownedM2} (its keys are the enterprises to evaluate; a value of
     * null or 0 for one that owns nothing) for one year. Leases of enterprises not among the keys
     * are used for their counterparties' sums and for merging.
     */
    public static Map<String, Result> forAll(int year, LandRule rule, Map<String, BigDecimal> ownedM2, Collection<Lease> leases) {
        Map<String, BigDecimal> in = new HashMap<>();
        Map<String, BigDecimal> out = new HashMap<>();
        Map<String, Set<String>> tenants = new HashMap<>();
        Map<String, Map<String, BigDecimal>> landlordsOf = new HashMap<>();
        for (Lease l : leases) {
            if (!l.activeIn(year) || l.lessorUscc().equals(l.lesseeUscc())) {
                continue;
            }
            in.merge(l.lesseeUscc(), l.areaM2(), BigDecimal::add);
            out.merge(l.lessorUscc(), l.areaM2(), BigDecimal::add);
            tenants.computeIfAbsent(l.lessorUscc(), k -> new HashSet<>()).add(l.lesseeUscc());
            if (rule.mergeTenants()) {
                landlordsOf.computeIfAbsent(l.lesseeUscc(), k -> new TreeMap<>()).merge(l.lessorUscc(), l.areaM2(), BigDecimal::add);
            }
        }
        Map<String, Result> results = new HashMap<>(Math.max(16, ownedM2.size() * 4 / 3 + 1));
        if (!rule.mergeTenants()) {
            for (var e : ownedM2.entrySet()) {
                String u = e.getKey();
                BigDecimal owned = nz(e.getValue());
                BigDecimal li = in.get(u);
                BigDecimal lo = out.get(u);
                BigDecimal raw = owned;
                if (li != null && rule.includeLeasedIn()) {
                    raw = raw.add(li);
                }
                if (lo != null && rule.subtractLeasedOut()) {
                    raw = raw.subtract(lo);
                }
                boolean clamped = raw.signum() < 0;
                Set<String> t = tenants.get(u);
                results.put(u, new Result(u, year, owned, nz(li), nz(lo), clamped ? BigDecimal.ZERO.setScale(raw.scale()) : raw, clamped, raw,
                        t == null ? 0 : t.size(), null, List.of()));
            }
            return results;
        }

        // mergeTenants: each tenant's main landlord (most area in the year; ties to the smaller USCC) …
        Map<String, String> parent = new HashMap<>();
        for (var e : landlordsOf.entrySet()) {
            String best = null;
            BigDecimal bestArea = null;
            for (var l : e.getValue().entrySet()) { // TreeMap: USCC order, so ties go to the smaller USCC
                if (bestArea == null || l.getValue().compareTo(bestArea) > 0) {
                    best = l.getKey();
                    bestArea = l.getValue();
                }
            }
            parent.put(e.getKey(), best);
        }
        // … then the top of each chain; only tenants can have a top other than themselves
        Map<String, String> root = new HashMap<>();
        Map<String, BigDecimal> groupExtra = new HashMap<>();
        Map<String, Set<String>> members = new HashMap<>();
        for (String t : parent.keySet()) {
            String r = top(t, parent);
            if (!r.equals(t)) {
                root.put(t, r);
                groupExtra.merge(r, nz(ownedM2.get(t)), BigDecimal::add);
                members.computeIfAbsent(r, k -> new TreeSet<>()).add(t);
            }
        }
        for (var e : ownedM2.entrySet()) {
            String u = e.getKey();
            BigDecimal owned = nz(e.getValue());
            String r = root.get(u);
            BigDecimal extra = groupExtra.get(u);
            BigDecimal area = r != null ? BigDecimal.ZERO : extra == null ? owned : owned.add(extra);
            Set<String> t = tenants.get(u);
            Set<String> m = members.get(u);
            results.put(u, new Result(u, year, owned, nz(in.get(u)), nz(out.get(u)), area, false, area, t == null ? 0 : t.size(),
                    r, r != null || m == null ? List.of() : List.copyOf(m)));
        }
        return results;
    }

    /** The top landlord above {@code u}; in a cycle of sub-leases, the smallest USCC of the cycle. */
    static String top(String u, Map<String, String> parent) {
        List<String> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cur = u;
        while (cur != null && seen.add(cur)) {
            path.add(cur);
            cur = parent.get(cur);
        }
        if (cur == null) {
            return path.get(path.size() - 1);
        }
        // cur is on the path again: the cycle is path[index(cur) ..]
        return path.subList(path.indexOf(cur), path.size()).stream().min(String::compareTo).orElseThrow();
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
