package org.mujun.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.evaluation.DifferentiatedMeasures.ChargeLine;
import org.mujun.evaluation.DifferentiatedMeasures.EnterpriseMeasures;
import org.mujun.evaluation.DifferentiatedMeasures.MeasureList;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.MeasureSettings.Applied;
import org.mujun.evaluation.Measures.ClassMeasures;
import org.mujun.evaluation.Measures.Utility;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 差别化要素配置 of an official run, per enterprise (SPEC §5): the run is re-computed from its stored inputs
 * and scheme (a run is immutable, so this reproduces it exactly), the applied measures
 * ({@link MeasureSettings#forRun}) are computed by {@link DifferentiatedMeasures} with the consumption of
 * the run's inputs (用电量, and water, gas and land-use tax once a data set carries them) and the classes of
 * the previous years from the FINAL runs of the same region (consecutive years, for the rising surcharge).
 * The lists — one per utility for the utility company, one for the tax bureau (城镇土地使用税), one of quota
 * changes — hold the rows inside the user's jurisdiction, with totals of those rows.
 */
@Component
public class RunMeasures {

    /** Which list. */
    public enum ListKind {
        ELECTRICITY, WATER, GAS, LAND_USE_TAX, QUOTA;

        Utility utility() {
            return switch (this) {
                case ELECTRICITY -> Utility.ELECTRICITY;
                case WATER -> Utility.WATER;
                case GAS -> Utility.GAS;
                default -> null;
            };
        }
    }

    /** One enterprise of a list. */
    public record Row(String uscc, String name, String regionCode, String industryCode, EvaluationClass measureClass, int consecutiveYears,
                      Double landMu, ChargeLine line, BigDecimal landUseTaxYuan, Double landUseTaxReductionPercent,
                      BigDecimal landUseTaxReductionYuan, Double energyTce, BigDecimal energyQuotaChangeTce, Double emissionsT,
                      BigDecimal emissionQuotaChangeT) {
    }

    /** Sums of a list's rows. */
    public record Totals(int enterprises, BigDecimal quantity, BigDecimal amountYuan, BigDecimal landUseTaxYuan, BigDecimal reductionYuan,
                         BigDecimal energyQuotaChangeTce, BigDecimal emissionQuotaChangeT) {
    }

    public record Listing(Run run, ListKind kind, Applied applied, List<Integer> previousFinalYears, List<Row> rows, Totals totals) {
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final EvaluationRuns runs;
    private final MeasureSettings settings;
    private final Map<String, Computed> cache = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Computed> eldest) {
            return size() > 8;
        }
    });

    record Computed(MeasureList list, EvaluationResult result, List<Integer> previousYears) {
    }

    RunMeasures(JdbcClient jdbc, Jurisdiction jurisdiction, EvaluationRuns runs, MeasureSettings settings) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.runs = runs;
        this.settings = settings;
    }

    /** A list of a run the user may see (404 otherwise), rows inside the user's jurisdiction. */
    public Listing list(long runId, ListKind kind) {
        Run run = runs.get(runId);
        return list(run, kind, jurisdiction.current());
    }

    public Listing list(Run run, ListKind kind, Scope scope) {
        if (run.header().kind() != RunKind.OFFICIAL) {
            throw new IllegalArgumentException("试算不计算差别化措施，请在试算对比中查看费用变化 / a what-if run has no measures lists; "
                    + "see the change in charges on its what-if comparison");
        }
        Applied applied = settings.forRun(run.header().regionCode(), run.header().year(), run.scheme());
        Computed c = computed(run, applied);
        Map<String, String[]> names = new HashMap<>();
        jurisdiction.sql("select x.uscc, x.name, x.region_code, x.industry_code from evaluation_result x where x.run_id = :r"
                        + " and SCOPE(x.region_code, x.uscc)", scope)
                .param("r", run.id()).query(rs -> {
                    names.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                });
        Enterprises in = c.result().inputs();
        List<Row> rows = new ArrayList<>();
        for (EnterpriseMeasures m : c.list().enterprises()) {
            String[] n = names.get(m.uscc());
            if (n == null) {
                continue; // outside the user's jurisdiction
            }
            int i = in.indexOf(m.uscc());
            ClassMeasures cm = applied.measures().of(m.measureClass());
            ChargeLine line = null;
            if (kind.utility() != null) {
                line = m.lines().stream().filter(l -> l.utility() == kind.utility() && l.applied() && l.amountYuan().signum() != 0)
                        .findFirst().orElse(null);
                if (line == null) {
                    continue;
                }
            } else if (kind == ListKind.LAND_USE_TAX) {
                if (cm == null || cm.landUseTaxReductionPercent() == null || cm.landUseTaxReductionPercent() == 0) {
                    continue;
                }
            } else if (cm == null || (nz(cm.energyQuotaPercent()) == 0 && nz(cm.emissionQuotaPercent()) == 0)) {
                continue;
            }
            rows.add(new Row(m.uscc(), n[0], n[1], n[2], m.measureClass(), m.consecutiveYears(), value(in, Quantity.LAND, i), line,
                    m.landUseTaxYuan(), cm == null ? null : cm.landUseTaxReductionPercent(),
                    m.landUseTaxYuan() == null ? null : m.landUseTaxReductionYuan(), value(in, Quantity.ENERGY, i), m.energyQuotaChangeTce(),
                    value(in, Quantity.EMISSIONS, i), m.emissionQuotaChangeT()));
        }
        rows.sort((a, b) -> a.uscc().compareTo(b.uscc()));
        return new Listing(run, kind, applied, c.previousYears(), List.copyOf(rows), totals(rows));
    }

    /** The totals of every list (for the overview), rows inside the jurisdiction. */
    public Map<ListKind, Totals> overview(Run run, Scope scope) {
        Map<ListKind, Totals> m = new LinkedHashMap<>();
        for (ListKind k : ListKind.values()) {
            m.put(k, list(run, k, scope).totals());
        }
        return m;
    }

    /** The computed result and measures of a whole run (not narrowed to a user), e.g. for what-if. */
    Computed computed(Run run, Applied applied) {
        PreviousClasses prev = previousClasses(run.header().regionCode(), run.header().year());
        String key = run.id() + "|" + applied.key() + "|" + prev.runIds();
        Computed c = cache.get(key);
        if (c == null) {
            EvaluationResult result = recompute(run);
            c = new Computed(DifferentiatedMeasures.compute(applied.measures(), result, prev.classes()), result, prev.years());
            cache.put(key, c);
        }
        return c;
    }

    /** The run's result again, from its stored inputs and scheme (identical to the stored one: the engine is deterministic). */
    EvaluationResult recompute(Run run) {
        return Evaluation.run(run.scheme(), runs.inputs(run.id(), Scope.system(run.header().regionCode())));
    }

    record PreviousClasses(List<Long> runIds, List<Integer> years, Map<String, List<EvaluationClass>> classes) {
    }

    /**
     * The final classes of the previous years, most recent first, from the FINAL official runs of the same
     * region: years y−1, y−2, … as long as each has a FINAL run (a year without one ends the history), at
     * most 10. An enterprise absent or not graded in a year has null there (which ends its run of years).
     */
    PreviousClasses previousClasses(String region, int year) {
        record R(long id, int year) {
        }
        List<R> finals = jdbc.sql("""
                        select distinct on (r.year) r.id, r.year from evaluation_run r
                        where r.region_code = :r and r.kind = 'OFFICIAL' and r.status = 'FINAL' and r.year between :y - 10 and :y - 1
                        order by r.year desc, r.id desc""")
                .param("r", region).param("y", year).query((rs, n) -> new R(rs.getLong(1), rs.getInt(2))).list();
        List<R> chain = new ArrayList<>();
        for (R r : finals) {
            if (r.year() != year - 1 - chain.size()) {
                break;
            }
            chain.add(r);
        }
        Map<String, EvaluationClass[]> byUscc = new HashMap<>();
        for (int k = 0; k < chain.size(); k++) {
            int at = k;
            int size = chain.size();
            jurisdiction.sql("select x.uscc, x.final_class from evaluation_result x where x.run_id = :id and x.final_class is not null"
                            + " and SCOPE(x.region_code, x.uscc)", Scope.system(region))
                    .param("id", chain.get(k).id()).query(rs -> {
                        byUscc.computeIfAbsent(rs.getString(1), u -> new EvaluationClass[size])[at] = EvaluationClass.valueOf(rs.getString(2).trim());
                    });
        }
        Map<String, List<EvaluationClass>> classes = new HashMap<>();
        byUscc.forEach((u, a) -> classes.put(u, java.util.Arrays.asList(a)));
        return new PreviousClasses(chain.stream().map(R::id).toList(), chain.stream().map(R::year).toList(), classes);
    }

    private static Totals totals(List<Row> rows) {
        BigDecimal q = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        BigDecimal red = BigDecimal.ZERO.setScale(2);
        BigDecimal en = BigDecimal.ZERO.setScale(4);
        BigDecimal em = BigDecimal.ZERO.setScale(4);
        for (Row r : rows) {
            if (r.line() != null) {
                q = r.line().quantity() == null ? q : q.add(BigDecimal.valueOf(r.line().quantity()));
                amount = amount.add(r.line().amountYuan());
            }
            tax = r.landUseTaxYuan() == null ? tax : tax.add(r.landUseTaxYuan());
            red = r.landUseTaxReductionYuan() == null ? red : red.add(r.landUseTaxReductionYuan());
            en = en.add(r.energyQuotaChangeTce());
            em = em.add(r.emissionQuotaChangeT());
        }
        return new Totals(rows.size(), q, amount, tax, red, en, em);
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }

    private static Double value(Enterprises e, Quantity q, int i) {
        if (i < 0) {
            return null;
        }
        double v = e.quantity(q, i);
        return v != v ? null : v;
    }
}
