package org.mujun.energy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.mujun.energy.EnergyAccounting.Factor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned coefficient tables (SPEC §4): one ACTIVE version used by every computation,
 * at most one DRAFT being edited, SUPERSEDED versions kept for history. Every change is
 * audit-logged in the same transaction. Who may change is checked by the callers (PROVINCE_ADMIN).
 */
@Component
public class EnergyCoefficients {

    public enum Status { DRAFT, ACTIVE, SUPERSEDED }

    /** 当量值 (calorific, the table's electricity factor) or 等价值 (equivalent, per year). */
    public enum ElectricityMethod { CALORIFIC, EQUIVALENT }

    public record Version(int version, Status status, Integer basedOn, String note, String createdBy, Instant createdAt,
                          String updatedBy, Instant updatedAt, String activatedBy, Instant activatedAt) {
    }

    public record Coefficient(EnergyType type, BigDecimal kgcePerUnit, BigDecimal co2KgPerUnit, String tceNote, String co2Note) {
        @JsonProperty
        public boolean co2NotSet() {
            return co2KgPerUnit.signum() == 0;
        }
    }

    public record VersionTable(Version version, List<Coefficient> coefficients) {
        public EnergyAccounting.Table table() {
            Map<EnergyType, Factor> m = new EnumMap<>(EnergyType.class);
            coefficients.forEach(c -> m.put(c.type(), new Factor(c.kgcePerUnit(), c.co2KgPerUnit())));
            return new EnergyAccounting.Table(version.version(), m);
        }
    }

    public record EquivalentFactor(int year, BigDecimal kgcePerKwh, String note, String setBy, Instant setAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public EnergyCoefficients(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Version> versions() {
        return jdbc.sql("select * from energy_coefficient_version order by version desc").query(EnergyCoefficients::version).list();
    }

    public Optional<VersionTable> find(int version) {
        return jdbc.sql("select * from energy_coefficient_version where version = :v").param("v", version)
                .query(EnergyCoefficients::version).optional()
                .map(v -> new VersionTable(v, coefficients(v.version())));
    }

    public VersionTable active() {
        int v = jdbc.sql("select version from energy_coefficient_version where status = 'ACTIVE'").query(Integer.class).single();
        return find(v).orElseThrow();
    }

    /** A new DRAFT copied from the active version; refused while another draft exists. */
    @Transactional
    public Version createDraft(String actor, String note) {
        Optional<Integer> draft = jdbc.sql("select version from energy_coefficient_version where status = 'DRAFT'").query(Integer.class).optional();
        if (draft.isPresent()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "已有草稿第 " + draft.get() + " 版，请先编辑或启用它 / draft version " + draft.get()
                    + " already exists; edit or activate it first");
        }
        int active = active().version().version();
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from energy_coefficient_version").query(Integer.class).single();
        jdbc.sql("insert into energy_coefficient_version (version, status, based_on, note, created_by) values (:v, 'DRAFT', :b, :n, :a)")
                .param("v", next).param("b", active).param("n", note).param("a", actor).update();
        jdbc.sql("""
                insert into energy_coefficient (version, energy_type, kgce_per_unit, co2_kg_per_unit, tce_note, co2_note)
                select :v, energy_type, kgce_per_unit, co2_kg_per_unit, tce_note, co2_note from energy_coefficient where version = :b""")
                .param("v", next).param("b", active).update();
        audit.append(actor, "ENERGY_COEFFICIENTS_DRAFT", "energy-coefficients/" + next, "based on version " + active);
        return find(next).orElseThrow().version();
    }

    /** Replaces the factors of a DRAFT version; every carrier must be present and valid. */
    @Transactional
    public VersionTable updateDraft(int version, List<Coefficient> coefficients, String note, String actor) {
        VersionTable current = find(version).orElseThrow(() -> new NotFound(version));
        if (current.version().status() != Status.DRAFT) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "第 " + version + " 版已启用，不可修改；请新建草稿 / version " + version
                    + " is not a draft and never changes; create a new draft");
        }
        Map<EnergyType, Factor> m = new EnumMap<>(EnergyType.class);
        for (Coefficient c : coefficients) {
            if (c.type() == null) {
                throw new IllegalArgumentException("能源品种缺失 / energy type missing");
            }
            if (m.put(c.type(), new Factor(c.kgcePerUnit(), c.co2KgPerUnit())) != null) {
                throw new IllegalArgumentException(c.type().nameZh() + "重复 / " + c.type().nameEn() + " given twice");
            }
        }
        List<String> problems = EnergyAccounting.validate(m);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
        StringBuilder changes = new StringBuilder();
        Map<EnergyType, Coefficient> old = new EnumMap<>(EnergyType.class);
        current.coefficients().forEach(c -> old.put(c.type(), c));
        for (Coefficient c : coefficients) {
            Coefficient o = old.get(c.type());
            if (o == null || o.kgcePerUnit().compareTo(c.kgcePerUnit()) != 0 || o.co2KgPerUnit().compareTo(c.co2KgPerUnit()) != 0) {
                changes.append(c.type()).append(": ")
                        .append(o == null ? "-" : o.kgcePerUnit().toPlainString() + "/" + o.co2KgPerUnit().toPlainString())
                        .append(" → ").append(c.kgcePerUnit().toPlainString()).append("/").append(c.co2KgPerUnit().toPlainString()).append("; ");
            }
            jdbc.sql("""
                    insert into energy_coefficient (version, energy_type, kgce_per_unit, co2_kg_per_unit, tce_note, co2_note)
                    values (:v, :t, :k, :c, :tn, :cn)
                    on conflict (version, energy_type) do update set kgce_per_unit = excluded.kgce_per_unit,
                        co2_kg_per_unit = excluded.co2_kg_per_unit, tce_note = excluded.tce_note, co2_note = excluded.co2_note""")
                    .param("v", version).param("t", c.type().name()).param("k", c.kgcePerUnit()).param("c", c.co2KgPerUnit())
                    .param("tn", blankToNull(c.tceNote() == null && o != null ? o.tceNote() : c.tceNote()))
                    .param("cn", blankToNull(c.co2Note() == null && o != null ? o.co2Note() : c.co2Note())).update();
        }
        jdbc.sql("update energy_coefficient_version set note = coalesce(:n, note), updated_by = :a, updated_at = now() where version = :v")
                .param("n", blankToNull(note)).param("a", actor).param("v", version).update();
        audit.append(actor, "ENERGY_COEFFICIENTS_EDIT", "energy-coefficients/" + version, changes.isEmpty() ? "no factor changed" : changes.toString());
        return find(version).orElseThrow();
    }

    /** Makes a DRAFT the active version; the previous active one is kept as SUPERSEDED. */
    @Transactional
    public Version activate(int version, String actor) {
        VersionTable v = find(version).orElseThrow(() -> new NotFound(version));
        if (v.version().status() != Status.DRAFT) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "只能启用草稿版本 / only a draft can be activated (version " + version + " is " + v.version().status() + ")");
        }
        List<String> problems = EnergyAccounting.validate(v.table().factors());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
        int previous = active().version().version();
        jdbc.sql("update energy_coefficient_version set status = 'SUPERSEDED' where status = 'ACTIVE'").update();
        jdbc.sql("update energy_coefficient_version set status = 'ACTIVE', activated_by = :a, activated_at = now() where version = :v")
                .param("a", actor).param("v", version).update();
        audit.append(actor, "ENERGY_COEFFICIENTS_ACTIVATE", "energy-coefficients/" + version, "supersedes version " + previous);
        return find(version).orElseThrow().version();
    }

    public ElectricityMethod electricityMethod() {
        return jdbc.sql("select value from energy_setting where key = 'electricity_method'").query(String.class).optional()
                .map(ElectricityMethod::valueOf).orElse(ElectricityMethod.CALORIFIC);
    }

    @Transactional
    public void setElectricityMethod(ElectricityMethod method, String actor) {
        ElectricityMethod old = electricityMethod();
        jdbc.sql("""
                insert into energy_setting (key, value, set_by) values ('electricity_method', :v, :a)
                on conflict (key) do update set value = excluded.value, set_by = excluded.set_by, set_at = now()""")
                .param("v", method.name()).param("a", actor).update();
        audit.append(actor, "ENERGY_ELECTRICITY_METHOD", "energy-settings/electricity_method", old + " → " + method);
    }

    public List<EquivalentFactor> equivalentFactors() {
        return jdbc.sql("select * from electricity_equivalent_factor order by year desc")
                .query((rs, n) -> new EquivalentFactor(rs.getInt("year"), rs.getBigDecimal("kgce_per_kwh"), rs.getString("note"),
                        rs.getString("set_by"), rs.getTimestamp("set_at").toInstant())).list();
    }

    @Transactional
    public void setEquivalentFactor(int year, BigDecimal kgcePerKwh, String note, String actor) {
        if (year < 1990 || year > 2100) {
            throw new IllegalArgumentException("年份应在 1990–2100 之间 / year must be between 1990 and 2100");
        }
        if (kgcePerKwh == null || kgcePerKwh.signum() <= 0 || kgcePerKwh.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("等价值系数必须为 0 到 1 之间的正数（kgce/kWh） / the equivalent factor must be a positive number up to 1 kgce/kWh");
        }
        Optional<BigDecimal> old = equivalentFactor(year);
        jdbc.sql("""
                insert into electricity_equivalent_factor (year, kgce_per_kwh, note, set_by) values (:y, :k, :n, :a)
                on conflict (year) do update set kgce_per_kwh = excluded.kgce_per_kwh, note = excluded.note,
                    set_by = excluded.set_by, set_at = now()""")
                .param("y", year).param("k", kgcePerKwh).param("n", blankToNull(note)).param("a", actor).update();
        audit.append(actor, "ENERGY_EQUIVALENT_FACTOR", "energy-equivalent/" + year,
                old.map(BigDecimal::toPlainString).orElse("-") + " → " + kgcePerKwh.toPlainString());
    }

    public Optional<BigDecimal> equivalentFactor(int year) {
        return jdbc.sql("select kgce_per_kwh from electricity_equivalent_factor where year = :y").param("y", year)
                .query(BigDecimal.class).optional();
    }

    /** kgce/kWh to use for a year under the configured method; null = the table's 当量值. */
    public BigDecimal electricityOverride(int year) {
        return electricityMethod() == ElectricityMethod.EQUIVALENT ? equivalentFactor(year).orElse(null) : null;
    }

    private List<Coefficient> coefficients(int version) {
        return jdbc.sql("select * from energy_coefficient where version = :v").param("v", version)
                .query((rs, n) -> new Coefficient(EnergyType.valueOf(rs.getString("energy_type")), rs.getBigDecimal("kgce_per_unit").stripTrailingZeros(),
                        rs.getBigDecimal("co2_kg_per_unit").stripTrailingZeros(), rs.getString("tce_note"), rs.getString("co2_note")))
                .list().stream().sorted(java.util.Comparator.comparing(Coefficient::type)).toList();
    }

    private static Version version(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Version(rs.getInt("version"), Status.valueOf(rs.getString("status")), (Integer) rs.getObject("based_on"),
                rs.getString("note"), rs.getString("created_by"), instant(rs, "created_at"), rs.getString("updated_by"),
                instant(rs, "updated_at"), rs.getString("activated_by"), instant(rs, "activated_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String col) throws java.sql.SQLException {
        var ts = rs.getTimestamp(col);
        return ts == null ? null : ts.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A coefficient version that does not exist. */
    public static class NotFound extends ResponseStatusException {
        NotFound(int version) {
            super(HttpStatus.NOT_FOUND, "系数表第 " + version + " 版不存在 / coefficient version " + version + " not found");
        }
    }
}
