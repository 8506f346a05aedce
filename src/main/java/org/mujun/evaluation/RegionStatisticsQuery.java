package org.mujun.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mujun.evaluation.RegionStatistics.RegionFigures;
import org.mujun.evaluation.RegionStatistics.Sums;
import org.mujun.region.Regions;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/**
 * Region statistics (SPEC §5 last bullet): 规上 亩均税收, 亩均增加值, 全员劳动生产率, 单位能耗增加值 as
 * Σ numerators / Σ denominators, and the class shares, by town, county, city or province inside the
 * user's jurisdiction, year on year.
 * <p>
 * Source: the inputs and results of the <em>published</em> official runs (公示中 or 已定稿) of each year — the
 * figures the evaluation itself used (evaluated land after leases, tax, value added, employees, tce) —
 * not the raw data tables, so a statistic always agrees with a published result and never moves when
 * data is corrected later. When published runs overlap (a city's run and a county's run of the same
 * year), each enterprise counts once, from the run of the smallest region (then the newest). A year
 * without a published run has no figures. The sums are taken in PostgreSQL (one aggregate query per
 * year, grouped by region prefix); the ratios and shares by {@link RegionStatistics#fromSums}.
 */
@Component
public class RegionStatisticsQuery {

    /** Levels by region-code length. */
    public enum Level {
        PROVINCE(2), CITY(4), COUNTY(6), TOWN(9);

        private final int length;

        Level(int length) {
            this.length = length;
        }

        public int length() {
            return length;
        }

        static Level of(int length) {
            for (Level l : values()) {
                if (l.length == length) {
                    return l;
                }
            }
            return TOWN;
        }
    }

    /** One region's figures in a year, with last year's and the change in % (tax figures null when masked). */
    public record Row(String region, String name, RegionFigures current, RegionFigures previous, Double taxPerMuChange,
                      Double valueAddedPerMuChange, Double labourProductivityChange, Double valueAddedPerTceChange) {
    }

    public record Table(int year, Level level, String region, boolean taxMasked, List<Row> rows, Row total) {
    }

    /** One year of the whole selection (the trend line). */
    public record Point(int year, RegionFigures figures) {
    }

    private final Jurisdiction jurisdiction;
    private final Regions regions;

    RegionStatisticsQuery(Jurisdiction jurisdiction, Regions regions) {
        this.jurisdiction = jurisdiction;
        this.regions = regions;
    }

    /** The levels a user may choose: those at or below its own region's level. */
    public List<Level> levels(Scope scope) {
        List<Level> out = new ArrayList<>();
        int own = scope.regionPrefix() == null ? 2 : scope.regionPrefix().length();
        for (Level l : Level.values()) {
            if (l.length() >= own) {
                out.add(l);
            }
        }
        return out;
    }

    /** The level below the user's own (a county sees its towns), or the user's level for a town. */
    public Level defaultLevel(Scope scope) {
        int own = scope.regionPrefix() == null ? 2 : scope.regionPrefix().length();
        for (Level l : Level.values()) {
            if (l.length() > own) {
                return l;
            }
        }
        return Level.TOWN;
    }

    /** The years with a published official run overlapping the selection, newest first (at most 20). */
    public List<Integer> years(String region) {
        Scope scope = jurisdiction.current();
        String prefix = prefix(region, scope);
        return jurisdiction.sql("""
                        select distinct r.year from evaluation_run r
                        where r.kind = 'OFFICIAL' and r.status in ('PUBLICIZING', 'FINAL')
                          and (r.region_code like :p || '%' or :p like r.region_code || '%')
                          and exists (select 1 from evaluation_result x where x.run_id = r.id and SCOPE(x.region_code, x.uscc))
                        order by r.year desc limit 20""", scope)
                .param("p", prefix).query(Integer.class).list();
    }

    /** The figures of every region of {@code level} inside {@code region} (default: the user's region) for the year, and last year's. */
    public Table table(int year, Level level, String region) {
        Scope scope = jurisdiction.current();
        String prefix = prefix(region, scope);
        Level l = level == null ? defaultLevel(scope) : level;
        if (l.length() < prefix.length()) {
            l = Level.of(prefix.length());
        }
        Map<String, RegionFigures> now = byRegion(sums(year, l.length(), prefix, scope));
        Map<String, RegionFigures> last = byRegion(sums(year - 1, l.length(), prefix, scope));
        boolean masked = masked();
        List<Row> rows = new ArrayList<>();
        for (RegionFigures f : now.values()) {
            rows.add(row(f, last.get(f.region()), masked));
        }
        rows.sort((a, b) -> a.region().compareTo(b.region()));
        List<Sums> total = sums(year, prefix.length(), prefix, scope);
        List<Sums> totalLast = sums(year - 1, prefix.length(), prefix, scope);
        Row t = total.isEmpty() ? null : row(RegionStatistics.fromSums(total.get(0)),
                totalLast.isEmpty() ? null : RegionStatistics.fromSums(totalLast.get(0)), masked);
        return new Table(year, l, prefix, masked, List.copyOf(rows), t);
    }

    /** The whole selection per year (for the line over years), oldest first. */
    public List<Point> trend(String region) {
        Scope scope = jurisdiction.current();
        String prefix = prefix(region, scope);
        boolean masked = masked();
        List<Point> out = new ArrayList<>();
        List<Integer> ys = new ArrayList<>(years(prefix));
        java.util.Collections.reverse(ys);
        for (int y : ys) {
            List<Sums> s = sums(y, prefix.length(), prefix, scope);
            if (!s.isEmpty()) {
                out.add(new Point(y, mask(RegionStatistics.fromSums(s.get(0)), masked)));
            }
        }
        return out;
    }

    /** The selection's region prefix: the given one inside the user's region, else the user's region. */
    static String prefix(String region, Scope scope) {
        String own = scope.regionPrefix() == null ? "" : scope.regionPrefix();
        if (region == null || region.isBlank()) {
            return own.isEmpty() ? "33" : own;
        }
        String r = region.trim();
        if (!r.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}")) {
            throw new IllegalArgumentException("区划代码应为2、4、6或9位数字 / region must be a code of 2, 4, 6 or 9 digits");
        }
        if (!r.startsWith(own)) {
            // a wider region than the user's: the user's own part of it
            if (own.startsWith(r)) {
                return own;
            }
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
                    "区划不在管辖范围内 / region not found");
        }
        return r;
    }

    /**
     * The sums per region prefix of {@code length} for the year, over the published runs' rows inside the
     * selection and the user's jurisdiction (each enterprise once: the run of the smallest region, then
     * the newest).
     */
    List<Sums> sums(int year, int length, String prefix, Scope scope) {
        return jurisdiction.sql("""
                        with runs as (
                          select r.id, r.region_code from evaluation_run r
                          where r.kind = 'OFFICIAL' and r.status in ('PUBLICIZING', 'FINAL') and r.year = :y
                            and (r.region_code like :p || '%' or :p like r.region_code || '%')
                        ), rows as (
                          select distinct on (i.uscc) i.uscc, i.region_code, i.size_class = 'ABOVE' and i.status = 'OPERATING' and i.land_mu > 0 as above,
                                 i.land_mu, i.tax_wan, i.value_added_wan, i.employees, i.energy_tce, x.outcome, x.final_class
                          from evaluation_run_input i
                          join runs r on r.id = i.run_id
                          join evaluation_result x on x.run_id = i.run_id and x.uscc = i.uscc
                          where SCOPE(i.region_code, i.uscc) and i.region_code like :p || '%'
                          order by i.uscc, length(r.region_code) desc, r.id desc
                        )
                        select substr(region_code, 1, :len) k,
                               count(*) filter (where above),
                               coalesce(sum(tax_wan) filter (where above and tax_wan is not null), 0),
                               coalesce(sum(land_mu) filter (where above and tax_wan is not null), 0),
                               coalesce(sum(value_added_wan) filter (where above and value_added_wan is not null), 0),
                               coalesce(sum(land_mu) filter (where above and value_added_wan is not null), 0),
                               coalesce(sum(value_added_wan) filter (where above and value_added_wan is not null and employees > 0), 0),
                               coalesce(sum(employees) filter (where above and value_added_wan is not null and employees > 0), 0),
                               coalesce(sum(value_added_wan) filter (where above and value_added_wan is not null and energy_tce > 0), 0),
                               coalesce(sum(energy_tce) filter (where above and value_added_wan is not null and energy_tce > 0), 0),
                               count(*) filter (where outcome = 'GRADED'), count(*) filter (where outcome = 'EXEMPT'),
                               count(*) filter (where outcome = 'GRADED' and final_class = 'A'),
                               count(*) filter (where outcome = 'GRADED' and final_class = 'B'),
                               count(*) filter (where outcome = 'GRADED' and final_class = 'C'),
                               count(*) filter (where outcome = 'GRADED' and final_class = 'D')
                        from rows where length(region_code) >= :len group by 1 order by 1""", scope)
                .param("y", year).param("p", prefix).param("len", length)
                .query((rs, n) -> new Sums(rs.getString(1), rs.getInt(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                        rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), rs.getInt(11), rs.getInt(12), rs.getInt(13),
                        rs.getInt(14), rs.getInt(15), rs.getInt(16)))
                .list();
    }

    public String name(String region) {
        return regions.name(region);
    }

    private Row row(RegionFigures now, RegionFigures last, boolean masked) {
        RegionFigures c = mask(now, masked);
        RegionFigures p = last == null ? null : mask(last, masked);
        return new Row(now.region(), regions.name(now.region()), c, p,
                p == null ? null : RegionStatistics.yearOnYear(p.taxPerMu(), c.taxPerMu()),
                p == null ? null : RegionStatistics.yearOnYear(p.valueAddedPerMu(), c.valueAddedPerMu()),
                p == null ? null : RegionStatistics.yearOnYear(p.labourProductivity(), c.labourProductivity()),
                p == null ? null : RegionStatistics.yearOnYear(p.valueAddedPerTce(), c.valueAddedPerTce()));
    }

    private static Map<String, RegionFigures> byRegion(List<Sums> sums) {
        Map<String, RegionFigures> m = new java.util.TreeMap<>();
        for (Sums s : sums) {
            m.put(s.region(), RegionStatistics.fromSums(s));
        }
        return m;
    }

    /** SPEC §11: tax figures are masked for roles that do not need them (亩均税收 is one). */
    static boolean masked() {
        MujunUser u = Jurisdiction.currentUser();
        return u == null || !u.role().seesTax();
    }

    private static RegionFigures mask(RegionFigures f, boolean masked) {
        if (!masked) {
            return f;
        }
        return new RegionFigures(f.region(), f.aboveCount(), null, f.valueAddedPerMu(), f.labourProductivity(), f.valueAddedPerTce(), f.graded(),
                f.exempt(), f.classCounts(), f.classShares());
    }

}
