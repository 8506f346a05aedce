package org.mujun.energy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mujun.energy.CarbonEfficiency.Input;
import org.mujun.energy.CarbonEfficiency.Level;
import org.mujun.energy.CarbonEfficiency.Result;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 碳效码 per enterprise-year (SPEC §4) from the carbon accounts: L = CO₂ / 工业增加值 and the level; K against
 * the industry average of the same year and 大类 (e.g. C26) over <em>every</em> enterprise with data in
 * the database (the province), whoever looks — so an enterprise's grade does not depend on the viewer's
 * jurisdiction; the lists then show the rows inside the viewer's jurisdiction. An enterprise without an
 * industry code gets L and its level but no K and grade. The thresholds and colours are
 * {@link CarbonEfficiencySettings}. A year's computation is cached for
 * {@code mujun.energy.carbon-efficiency-cache-seconds} (300) and recomputed at once after an upload, a
 * new coefficient or settings version.
 */
@Component
public class CarbonEfficiencyCodes {

    /** One enterprise-year with its 碳效码. */
    public record Code(long enterpriseId, String uscc, String name, String regionCode, String industryCode, String industryKey,
                       java.math.BigDecimal co2Tonnes, java.math.BigDecimal valueAdded, Result result) {
    }

    /** Filter of the list; every field optional. */
    public record Filter(String region, String industry, Integer grade, Level level) {
    }

    public record Listing(int year, int settingsVersion, int coefficientVersion, List<Code> rows, Map<Integer, Integer> gradeCounts,
                          int withoutGrade) {
    }

    /** Counts per grade (1–5) and without a grade, for one region. */
    public record RegionDistribution(String region, String name, int[] grades, int withoutGrade, int total) {
    }

    private record Computed(String key, long at, List<Code> codes) {
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final CarbonAccounts accounts;
    private final CarbonEfficiencySettings settings;
    private final org.mujun.region.Regions regions;
    private final long ttlMillis;
    private final Map<Integer, Computed> cache = Collections.synchronizedMap(new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Computed> eldest) {
            return size() > 4;
        }
    });

    CarbonEfficiencyCodes(JdbcClient jdbc, Jurisdiction jurisdiction, CarbonAccounts accounts, CarbonEfficiencySettings settings,
                          org.mujun.region.Regions regions, @Value("${mujun.energy.carbon-efficiency-cache-seconds:300}") long ttlSeconds) {
        this.regions = regions;
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.accounts = accounts;
        this.settings = settings;
        this.ttlMillis = ttlSeconds * 1000;
    }

    /** 大类: the section letter and the 2-digit division (C2611 → C26); null without a code. */
    static String industryKey(String industryCode) {
        if (industryCode == null || industryCode.isBlank()) {
            return null;
        }
        String c = industryCode.trim().toUpperCase();
        return c.length() >= 3 ? c.substring(0, 3) : c;
    }

    /** Every enterprise-year of the year with data, graded against the whole population. */
    List<Code> all(int year) {
        CarbonEfficiencySettings.Version s = settings.current();
        String key = s.version() + "|" + stamp();
        Computed c = cache.get(year);
        long now = System.currentTimeMillis();
        if (c == null || !c.key().equals(key) || now - c.at() > ttlMillis) {
            CarbonAccounts.Listing l = accounts.list(year, null, null, Scope.system(""));
            c = new Computed(key, now, grade(l.rows(), s.config()));
            cache.put(year, c);
        }
        return c.codes();
    }

    /** Forgets the cached years (after data written outside an upload, e.g. in tests). */
    public void invalidate() {
        cache.clear();
    }

    /** What invalidates a cached year besides time: the newest upload, the active coefficient version. */
    private String stamp() {
        return jdbc.sql("select coalesce((select max(id) from upload), 0) || ':' || coalesce((select max(version) from energy_coefficient_version "
                + "where status = 'ACTIVE'), 0)").query(String.class).single();
    }

    static List<Code> grade(List<CarbonAccounts.Row> rows, CarbonEfficiency.Config config) {
        List<Input> inputs = new ArrayList<>(rows.size());
        for (CarbonAccounts.Row r : rows) {
            String k = industryKey(r.industryCode());
            // without an industry each is its own group: L and the level are kept, K and the grade dropped below
            inputs.add(new Input(r.uscc(), k == null ? "\u0000" + r.uscc() : k, r.co2Tonnes(), r.valueAdded()));
        }
        List<Result> results = CarbonEfficiency.evaluate(inputs, config);
        List<Code> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CarbonAccounts.Row r = rows.get(i);
            Result x = results.get(i);
            String k = industryKey(r.industryCode());
            if (k == null) {
                x = new Result(x.uscc(), null, x.intensity(), x.level(), x.levelColour(), null, null, null, null);
            }
            out.add(new Code(r.id(), r.uscc(), r.name(), r.regionCode(), r.industryCode(), k, r.co2Tonnes(), r.valueAdded(), x));
        }
        out.sort((a, b) -> a.uscc().compareTo(b.uscc()));
        return out;
    }

    /** The year's codes inside the current user's jurisdiction and the filter, by USCC. */
    public Listing list(int year, Filter f) {
        return list(year, f, jurisdiction.current());
    }

    public Listing list(int year, Filter f, Scope scope) {
        String rp = blank(f.region());
        if (rp != null && !rp.matches("\\d{2,12}")) {
            throw new IllegalArgumentException("区划代码应为数字 / region must be a code of digits");
        }
        if (f.grade() != null && (f.grade() < 1 || f.grade() > 5)) {
            throw new IllegalArgumentException("碳效码应为 1 至 5 / the grade must be 1 to 5");
        }
        String ip = blank(f.industry()) == null ? null : f.industry().trim().toUpperCase();
        List<Code> rows = new ArrayList<>();
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int g = 1; g <= 5; g++) {
            counts.put(g, 0);
        }
        int none = 0;
        for (Code c : all(year)) {
            if (!scope.covers(c.regionCode(), c.uscc()) || (rp != null && !c.regionCode().startsWith(rp))
                    || (ip != null && (c.industryCode() == null || !c.industryCode().startsWith(ip)))
                    || (f.grade() != null && !f.grade().equals(c.result().grade()))
                    || (f.level() != null && f.level() != c.result().level())) {
                continue;
            }
            rows.add(c);
            if (c.result().grade() == null) {
                none++;
            } else {
                counts.merge(c.result().grade(), 1, Integer::sum);
            }
        }
        return new Listing(year, settings.current().version(), coefficientVersion(), List.copyOf(rows), counts, none);
    }

    /** Counts per grade per region prefix of {@code length} inside the jurisdiction (and {@code region} when given), ordered by code. */
    public List<RegionDistribution> distribution(int year, int length, String region) {
        Listing l = list(year, new Filter(region, null, null, null));
        Map<String, int[]> by = new TreeMap<>();
        for (Code c : l.rows()) {
            if (c.regionCode().length() < length) {
                continue;
            }
            int[] a = by.computeIfAbsent(c.regionCode().substring(0, length), k -> new int[7]);
            Integer g = c.result().grade();
            a[g == null ? 0 : g]++;
            a[6]++;
        }
        List<RegionDistribution> out = new ArrayList<>();
        for (Map.Entry<String, int[]> e : by.entrySet()) {
            int[] a = e.getValue();
            out.add(new RegionDistribution(e.getKey(), regions.name(e.getKey()), new int[] {a[1], a[2], a[3], a[4], a[5]}, a[0], a[6]));
        }
        return out;
    }

    /** An enterprise's codes per year (newest first), for its carbon account page; graded against the same population as the lists. */
    public Map<Integer, Result> forEnterprise(String uscc, List<Integer> years) {
        Map<Integer, Result> out = new LinkedHashMap<>();
        for (int y : years) {
            Optional<Code> c = all(y).stream().filter(x -> x.uscc().equals(uscc)).findFirst();
            c.ifPresent(code -> out.put(y, code.result()));
        }
        return out;
    }

    /** The latest year with energy or electricity data inside the user's jurisdiction. */
    public Optional<Integer> latestYear() {
        return accounts.latestYear();
    }

    private int coefficientVersion() {
        return jdbc.sql("select coalesce(max(version), 0) from energy_coefficient_version where status = 'ACTIVE'").query(Integer.class).single();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
