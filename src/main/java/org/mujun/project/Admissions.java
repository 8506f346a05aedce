package org.mujun.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.mujun.common.IndustryCode;
import org.mujun.common.Tce;
import org.mujun.common.Uscc;
import org.mujun.common.WanYuan;
import org.mujun.region.Regions;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 两高 project admission (SPEC §7): a project entered by an official is decided by
 * {@link LianggaoAdmission} with the standards in force for its region and the members of the
 * {@code LIANGGAO} industry set; every decision is kept with its inputs, figures, reasons and the
 * rules version. The 两高 project list is the decisions whose industry is in the set.
 */
@Component
class Admissions {

    static final String LIANGGAO_SET = "LIANGGAO";

    record Input(String uscc, String applicantName, String regionCode, String projectName, String industryCode, BigDecimal annualEnergyTce,
                 BigDecimal annualOutputWan, BigDecimal newCapacity, BigDecimal replacedCapacity, String capacityUnit) {
    }

    record Decision(long id, String regionCode, String uscc, String applicantName, String projectName, String industryCode,
                    BigDecimal annualEnergyTce, BigDecimal annualOutputWan, BigDecimal newCapacity, BigDecimal replacedCapacity, String capacityUnit,
                    String verdict, boolean lianggao, BigDecimal intensity, BigDecimal maxIntensity, String standardPrefix,
                    BigDecimal replacementRatio, BigDecimal requiredReplaced, List<String> reasons, int rulesVersion, String decidedBy,
                    Instant decidedAt) {
    }

    record Effective(LianggaoAdmission rules, int version, String label) {
    }

    record Page(List<Decision> items, int page, int size, long total) {
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final ProjectSettings settings;
    private final AuditLog audit;
    private final Regions regions;

    Admissions(JdbcClient jdbc, Jurisdiction jurisdiction, ProjectSettings settings, AuditLog audit, Regions regions) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.settings = settings;
        this.audit = audit;
        this.regions = regions;
    }

    Effective effective(String regionCode) {
        return settings.effective(ProjectSettings.LIANGGAO, regionCode)
                .map(v -> new Effective(LianggaoRulesForm.fromJson(v.body()).toRules(), v.version(), v.regionCode() + " v" + v.version()))
                .orElse(new Effective(LianggaoAdmission.defaults(), 0, "默认 / defaults"));
    }

    /** The 两高 industry set's members (prefixes), from industry_set_member. */
    List<String> lianggaoPrefixes() {
        return jdbc.sql("select industry_prefix from industry_set_member where set_key = :k order by industry_prefix")
                .param("k", LIANGGAO_SET).query(String.class).list();
    }

    @Transactional
    Decision decide(Input in, String actor) {
        Scope scope = jurisdiction.current();
        String uscc = in.uscc() == null || in.uscc().isBlank() ? null : Uscc.normalise(in.uscc());
        String region;
        String applicant;
        if (uscc != null) {
            record E(String region, String name) {
            }
            E e = jurisdiction.sql("select e.region_code, e.name from enterprise e where SCOPE(e.region_code, e.uscc) and e.uscc = :u")
                    .param("u", uscc).query((rs, n) -> new E(rs.getString(1), rs.getString(2))).optional()
                    .orElseThrow(() -> new IllegalArgumentException("企业 " + uscc + " 不存在或不在管辖范围内 / enterprise not found in your jurisdiction"));
            region = e.region();
            applicant = e.name();
        } else {
            applicant = ProjectWeb.blankToNull(in.applicantName());
            region = ProjectWeb.blankToNull(in.regionCode());
            if (applicant == null) {
                throw new IllegalArgumentException("请填写企业统一社会信用代码或拟设企业名称 / give the enterprise's USCC or the prospective name");
            }
            requireRegion(region, scope);
        }
        String name = ProjectWeb.blankToNull(in.projectName());
        if (name == null) {
            throw new IllegalArgumentException("请填写项目名称 / the project name is required");
        }
        if (in.annualEnergyTce() == null || in.annualOutputWan() == null) {
            throw new IllegalArgumentException("请填写年综合能耗和年产出 / annual energy use and output are required");
        }
        IndustryCode industry = IndustryCode.of(in.industryCode());
        LianggaoAdmission.Capacity capacity = in.newCapacity() == null ? null
                : new LianggaoAdmission.Capacity(in.newCapacity(), in.replacedCapacity() == null ? BigDecimal.ZERO : in.replacedCapacity(), in.capacityUnit());
        Effective eff = effective(region);
        LianggaoAdmission.Decision d = eff.rules().decide(new LianggaoAdmission.Application(name, industry, new Tce(in.annualEnergyTce()),
                new WanYuan(in.annualOutputWan()), capacity), lianggaoPrefixes());
        List<String> reasons = d.reasons().isEmpty()
                ? List.of("单位能耗 " + d.intensity() + " tce/万元 不高于准入标准 " + d.maxIntensity().toPlainString() + " tce/万元"
                + (d.requiredReplacementRatio() == null ? "" : "；产能置换满足 " + d.requiredReplacementRatio().toPlainString() + ":1")
                + " / energy intensity within the standard" + (d.requiredReplacementRatio() == null ? "" : "; capacity replacement met"))
                : d.reasons();
        long id = jdbc.sql("""
                        insert into lianggao_decision (region_code, uscc, applicant_name, project_name, industry_code, annual_energy_tce, annual_output_wan,
                          new_capacity, replaced_capacity, capacity_unit, verdict, lianggao, intensity, max_intensity, standard_prefix, replacement_ratio,
                          required_replaced, reasons, rules_version, decided_by)
                        values (:r, :u, :a, :n, :i, :e, :o, :nc, :rc, :cu, :v, :lg, :int, :max, :sp, :ratio, :req, :why, :rv, :by) returning id""")
                .param("r", region).param("u", uscc).param("a", applicant).param("n", name).param("i", industry.value())
                .param("e", in.annualEnergyTce()).param("o", in.annualOutputWan()).param("nc", capacity == null ? null : capacity.newCapacity())
                .param("rc", capacity == null ? null : capacity.replacedCapacity()).param("cu", capacity == null ? null : ProjectWeb.blankToNull(capacity.unit()))
                .param("v", d.verdict().name()).param("lg", d.lianggao()).param("int", d.intensity()).param("max", d.maxIntensity())
                .param("sp", d.standardPrefix()).param("ratio", d.requiredReplacementRatio()).param("req", d.requiredReplacedCapacity())
                .param("why", String.join("\n", reasons)).param("rv", eff.version()).param("by", actor).query(Long.class).single();
        audit.append(actor, "LIANGGAO_DECIDE", "lianggao_decision:" + id, name + "（" + applicant + "，" + industry.value() + "）："
                + d.verdict().nameZh() + (d.lianggao() ? "，两高项目" : "") + "，单位能耗 " + d.intensity() + "；规则 " + eff.label() + "；" + String.join("；", reasons));
        return find(id);
    }

    void requireRegion(String region, Scope scope) {
        if (region == null || !regions.exists(region)) {
            throw new IllegalArgumentException("请填写有效的区划代码 / give a valid region code");
        }
        if (!scope.coversRegion(region)) {
            throw new IllegalArgumentException("区划 " + region + " 不在管辖范围内 / region " + region + " is outside your jurisdiction");
        }
    }

    private static Decision map(ResultSet rs, int n) throws SQLException {
        return new Decision(rs.getLong("id"), rs.getString("region_code"), rs.getString("uscc"), rs.getString("applicant_name"),
                rs.getString("project_name"), rs.getString("industry_code"), rs.getBigDecimal("annual_energy_tce"), rs.getBigDecimal("annual_output_wan"),
                rs.getBigDecimal("new_capacity"), rs.getBigDecimal("replaced_capacity"), rs.getString("capacity_unit"), rs.getString("verdict"),
                rs.getBoolean("lianggao"), rs.getBigDecimal("intensity"), rs.getBigDecimal("max_intensity"), rs.getString("standard_prefix"),
                rs.getBigDecimal("replacement_ratio"), rs.getBigDecimal("required_replaced"), List.of(rs.getString("reasons").split("\n")),
                rs.getInt("rules_version"), rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant());
    }

    Decision find(long id) {
        return jurisdiction.sql("select * from lianggao_decision d where SCOPE(d.region_code, d.uscc) and d.id = :id").param("id", id)
                .query(Admissions::map).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "准入决定不存在 / admission decision not found"));
    }

    /** Decisions in scope, newest first; {@code lianggaoOnly} gives the 两高 project list. */
    Page list(String regionPrefix, String verdict, boolean lianggaoOnly, String q, int page, int size) {
        String where = " where SCOPE(d.region_code, d.uscc) and d.region_code like :rp and (cast(:v as text) is null or d.verdict = :v)"
                + " and (:lg = false or d.lianggao) and (cast(:q as text) is null or d.project_name ilike :q or d.applicant_name ilike :q"
                + " or d.industry_code like :q)";
        String rp = (regionPrefix == null ? "" : regionPrefix.trim()) + "%";
        String v = verdict == null || verdict.isBlank() ? null : verdict;
        String qq = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
        long total = jurisdiction.sql("select count(*) from lianggao_decision d" + where).param("rp", rp).param("v", v).param("lg", lianggaoOnly)
                .param("q", qq).query(Long.class).single();
        List<Decision> items = jurisdiction.sql("select * from lianggao_decision d" + where + " order by d.id desc limit :lim offset :off")
                .param("rp", rp).param("v", v).param("lg", lianggaoOnly).param("q", qq).param("lim", size).param("off", (long) page * size)
                .query(Admissions::map).list();
        return new Page(items, page, size, total);
    }

    Optional<ProjectSettings.Version> version(String region) {
        return settings.effective(ProjectSettings.LIANGGAO, region);
    }
}
