package org.mujun.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.mujun.region.Regions;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 差别化要素配置 as data per region and year (SPEC §5 "Differentiated measures"), versioned: each save adds
 * a version (a trigger refuses updates and deletes), and is audited. The measures a run applies are the
 * newest version of its region and year, else of the nearest enclosing region that has one (a city's
 * setting covers its counties), else the measures of the run's own scheme ({@link #forRun}).
 */
@Component
public class MeasureSettings {

    public record MeasuresVersion(long id, String regionCode, int year, int version, Measures measures, String note, String createdBy,
                                  Instant createdAt) {
    }

    /** The measures a run applies and where they come from ({@code version} null: the scheme's own). */
    public record Applied(Measures measures, MeasuresVersion version) {
        public String key() {
            return version == null ? "scheme" : "v" + version.id();
        }
    }

    private static final String COLUMNS = "m.id, m.region_code, m.year, m.version, m.body::text, m.note, m.created_by, m.created_at";
    private static final RowMapper<MeasuresVersion> MAPPER = (rs, n) -> new MeasuresVersion(rs.getLong(1), rs.getString(2), rs.getInt(3),
            rs.getInt(4), RunJson.read(rs.getString(5), Measures.class), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final Regions regions;
    private final AuditLog audit;

    MeasureSettings(JdbcClient jdbc, Jurisdiction jurisdiction, Regions regions, AuditLog audit) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.regions = regions;
        this.audit = audit;
    }

    /** The newest version of every region and year overlapping the user's region (filters optional), newest year first. */
    public List<MeasuresVersion> list(String regionPrefix, Integer year) {
        Scope scope = jurisdiction.current();
        if (!scope.businessData() || scope.regionPrefix() == null) {
            return List.of();
        }
        return jdbc.sql("select distinct on (m.year, m.region_code) " + COLUMNS + " from evaluation_measures m where "
                        + EvaluationSchemes.overlap("m.region_code") + " and m.region_code like :rp and (cast(:y as integer) is null or m.year = :y)"
                        + " order by m.year desc, m.region_code, m.version desc limit 500")
                .param("p", scope.regionPrefix()).param("rp", (regionPrefix == null ? "" : regionPrefix) + "%").param("y", year)
                .query(MAPPER).list();
    }

    /** Every version of one region and year, newest first (the history). */
    public List<MeasuresVersion> versions(String region, int year) {
        return jdbc.sql("select " + COLUMNS + " from evaluation_measures m where m.region_code = :r and m.year = :y order by m.version desc")
                .param("r", region).param("y", year).query(MAPPER).list();
    }

    /** The newest version of the region itself or of the nearest enclosing region, for the year. */
    public Optional<MeasuresVersion> applicable(String region, int year) {
        return jdbc.sql("select " + COLUMNS + " from evaluation_measures m where m.year = :y and :r like m.region_code || '%'"
                        + " order by length(m.region_code) desc, m.version desc limit 1")
                .param("r", region).param("y", year).query(MAPPER).optional();
    }

    /** What a run of this region and year applies: the configured measures, else the scheme's. */
    public Applied forRun(String region, int year, Scheme scheme) {
        Optional<MeasuresVersion> v = applicable(region, year);
        return v.map(x -> new Applied(x.measures(), x)).orElseGet(() -> new Applied(scheme.measures(), null));
    }

    /** Saves a new version (an administrator of the region); refused with every problem when invalid. */
    @Transactional
    public MeasuresVersion save(String region, int year, Measures measures, String note, String actor) {
        if (region == null || !regions.exists(region)) {
            throw new IllegalArgumentException("区划代码不存在：" + region + " / unknown region code: " + region);
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("年度应在2000至2100之间 / year must be between 2000 and 2100");
        }
        Publications.requireAdminOf(region);
        List<Problem> problems = validate(measures);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("差别化措施有误 / the measures are invalid: "
                    + String.join("; ", problems.stream().map(Problem::message).toList()));
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > 500) {
            throw new IllegalArgumentException("说明不能超过 500 字 / the note is limited to 500 characters");
        }
        jdbc.sql("select pg_advisory_xact_lock(:k, hashtext(:r || ':' || cast(:y as text)))")
                .param("k", 0x4D4A4D53 /* "MJMS" */).param("r", region).param("y", year).query().singleValue();
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from evaluation_measures where region_code = :r and year = :y")
                .param("r", region).param("y", year).query(Integer.class).single();
        String body = RunJson.write(measures);
        long id = jdbc.sql("""
                        insert into evaluation_measures (region_code, year, version, body, note, created_by)
                        values (:r, :y, :v, cast(:b as jsonb), :n, :a) returning id""")
                .param("r", region).param("y", year).param("v", next).param("b", body).param("n", n).param("a", actor)
                .query(Long.class).single();
        audit.append(actor, "EVALUATION_MEASURES_SAVE", "evaluation-measures:" + id, region + " " + year + " v" + next + " " + body);
        return versions(region, year).get(0);
    }

    /** The problems of measures alone (the scheme validation's rules for its measures part). */
    public static List<Problem> validate(Measures m) {
        if (m == null) {
            return List.of(new Problem("measures", "措施为空", "measures are missing"));
        }
        Scheme probe = new Scheme("33", 2024, null, Scheme.defaultScheme("33", 2024).populations(), List.of(), Scheme.Exemptions.NONE,
                List.of(), List.of(), false, m);
        return SchemeValidation.validate(probe).stream().filter(p -> p.path().startsWith("measures")).toList();
    }
}
