package org.mujun.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.mujun.common.Mu;
import org.mujun.common.Uscc;
import org.mujun.common.WanYuan;
import org.mujun.project.ZeroLandTechRules.EnterpriseClass;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 零增地技改 (SPEC §7): the calculators of {@link ZeroLandTechRules} with the rules in force for the
 * enterprise's region (Linhai 2022 until a region saves its own), and the register of projects
 * storing the amounts computed. The enterprise's class comes from an {@link EnterpriseClassLookup}
 * bean when one exists (the evaluation module), otherwise from the official's pick.
 */
@Component
class ZeroLandProjects {

    record Input(String uscc, String name, BigDecimal projectInvestmentWan, BigDecimal equipmentWan, BigDecimal newFloorAreaM2, Integer floors,
                 String enterpriseClass, List<BigDecimal> parcelsAfterSplitMu, String transfereeClass, String note) {
    }

    record Calculation(String uscc, String enterpriseName, String regionCode, ZeroLandTechRules.EquipmentSubsidy equipment,
                       ZeroLandTechRules.FloorReward floorReward, List<ZeroLandTechRules.TransferProblem> transferProblems,
                       boolean transferChecked, BigDecimal totalWan, String enterpriseClass, String classSource, String rules, int rulesVersion) {
    }

    record Row(long id, String regionCode, String uscc, String enterpriseName, Long enterpriseId, String name, BigDecimal projectInvestmentWan,
               BigDecimal equipmentWan, BigDecimal newFloorAreaM2, int floors, String enterpriseClass, String classSource,
               BigDecimal equipmentSubsidyWan, BigDecimal floorRewardWan, String rewardBasis, BigDecimal totalWan, List<String> explanation,
               int rulesVersion, String note, String createdBy, Instant createdAt) {
    }

    record Effective(ZeroLandTechRules rules, int version, String label) {
    }

    record Page(List<Row> items, int page, int size, long total) {
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final ProjectSettings settings;
    private final AuditLog audit;
    private final ObjectProvider<EnterpriseClassLookup> classes;

    ZeroLandProjects(JdbcClient jdbc, Jurisdiction jurisdiction, ProjectSettings settings, AuditLog audit,
                     ObjectProvider<EnterpriseClassLookup> classes) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.settings = settings;
        this.audit = audit;
        this.classes = classes;
    }

    Effective effective(String regionCode) {
        return settings.effective(ProjectSettings.ZERO_LAND, regionCode)
                .map(v -> new Effective(ZeroLandRulesForm.fromJson(v.body()).toRules(), v.version(), v.regionCode() + " v" + v.version()))
                .orElse(new Effective(ZeroLandTechRules.linhai2022(), 0, "临海 2022 默认 / Linhai 2022 defaults"));
    }

    /** Computes without storing. With a USCC the enterprise must be in scope and its region's rules apply. */
    Calculation calculate(Input in) {
        Scope scope = jurisdiction.current();
        String uscc = in.uscc() == null || in.uscc().isBlank() ? null : Uscc.normalise(in.uscc());
        String region = ProjectWeb.userRegion();
        String name = null;
        if (uscc != null) {
            record E(String region, String name) {
            }
            E e = jurisdiction.sql("select e.region_code, e.name from enterprise e where SCOPE(e.region_code, e.uscc) and e.uscc = :u", scope)
                    .param("u", uscc).query((rs, n) -> new E(rs.getString(1), rs.getString(2))).optional()
                    .orElseThrow(() -> new IllegalArgumentException("企业 " + uscc + " 不存在或不在管辖范围内 / enterprise not found in your jurisdiction"));
            region = e.region();
            name = e.name();
        }
        if (in.projectInvestmentWan() == null || in.equipmentWan() == null || in.newFloorAreaM2() == null || in.floors() == null) {
            throw new IllegalArgumentException("请填写项目总投资、设备投资、新增建筑面积和层数 / project and equipment investment, new floor area and floors are required");
        }
        Effective eff = effective(region);
        EnterpriseClass picked = in.enterpriseClass() == null || in.enterpriseClass().isBlank() ? null : ZeroLandRulesForm.cls(in.enterpriseClass());
        EnterpriseClassLookup lookup = classes.orderedStream().findFirst().orElse(null);
        Optional<EnterpriseClass> evaluated = uscc == null || lookup == null ? Optional.empty() : lookup.latestClass(uscc);
        EnterpriseClass cls = evaluated.orElse(picked);
        String source = evaluated.isPresent() ? "EVALUATION" : picked != null ? "OFFICIAL" : "NONE";
        ZeroLandTechRules.EquipmentSubsidy eq = eff.rules().equipmentSubsidy(new WanYuan(in.projectInvestmentWan()), new WanYuan(in.equipmentWan()));
        ZeroLandTechRules.FloorReward fr = eff.rules().floorReward(cls, in.newFloorAreaM2(), in.floors());
        boolean check = in.parcelsAfterSplitMu() != null && !in.parcelsAfterSplitMu().isEmpty();
        List<ZeroLandTechRules.TransferProblem> problems = check
                ? eff.rules().transferChecks(in.parcelsAfterSplitMu().stream().map(Mu::new).toList(),
                in.transfereeClass() == null || in.transfereeClass().isBlank() ? null : ZeroLandRulesForm.cls(in.transfereeClass()))
                : List.of();
        return new Calculation(uscc, name, region, eq, fr, problems, check, eq.amount().value().add(fr.amount().value()),
                cls == null ? null : cls.name(), source, eff.label(), eff.version());
    }

    @Transactional
    long register(Input in, String actor) {
        if (in.uscc() == null || in.uscc().isBlank()) {
            throw new IllegalArgumentException("登记项目须填写企业统一社会信用代码 / registering needs the enterprise's USCC");
        }
        String name = ProjectWeb.blankToNull(in.name());
        if (name == null) {
            throw new IllegalArgumentException("请填写项目名称 / the project name is required");
        }
        Calculation c = calculate(in);
        List<String> explanation = List.of(c.equipment().explanation(), c.floorReward().explanation());
        long id = jdbc.sql("""
                        insert into zero_land_project (region_code, uscc, name, project_investment_wan, equipment_wan, new_floor_area_m2, floors,
                          enterprise_class, class_source, equipment_subsidy_wan, floor_reward_wan, reward_basis, total_wan, explanation, rules_version,
                          note, created_by)
                        values (:r, :u, :n, :pi, :eq, :fa, :fl, :cls, :src, :es, :fr, :basis, :tot, :ex, :rv, :note, :by) returning id""")
                .param("r", c.regionCode()).param("u", c.uscc()).param("n", name).param("pi", in.projectInvestmentWan()).param("eq", in.equipmentWan())
                .param("fa", in.newFloorAreaM2()).param("fl", in.floors()).param("cls", c.enterpriseClass()).param("src", c.classSource())
                .param("es", c.equipment().amount().value()).param("fr", c.floorReward().amount().value()).param("basis", c.floorReward().basis().name())
                .param("tot", c.totalWan()).param("ex", String.join("\n", explanation)).param("rv", c.rulesVersion())
                .param("note", ProjectWeb.blankToNull(in.note())).param("by", actor).query(Long.class).single();
        audit.append(actor, "ZERO_LAND_REGISTER", "zero_land_project:" + id, name + "（" + c.uscc() + "）：设备补助 " + c.equipment().amount().value()
                + " 万元，建筑面积奖励 " + c.floorReward().amount().value() + " 万元，合计 " + c.totalWan() + " 万元；类别 " + c.enterpriseClass()
                + "（" + c.classSource() + "）；规则 " + c.rules());
        return id;
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("region_code"), rs.getString("uscc"), rs.getString("ename"), rs.getObject("eid", Long.class),
                rs.getString("name"), rs.getBigDecimal("project_investment_wan"), rs.getBigDecimal("equipment_wan"), rs.getBigDecimal("new_floor_area_m2"),
                rs.getInt("floors"), rs.getString("enterprise_class"), rs.getString("class_source"), rs.getBigDecimal("equipment_subsidy_wan"),
                rs.getBigDecimal("floor_reward_wan"), rs.getString("reward_basis"), rs.getBigDecimal("total_wan"),
                List.of(rs.getString("explanation").split("\n")), rs.getInt("rules_version"), rs.getString("note"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static final String SELECT = "select z.*, e.name ename, e.id eid from zero_land_project z left join enterprise e on e.uscc = z.uscc ";

    Row find(long id) {
        return jurisdiction.sql(SELECT + "where SCOPE(z.region_code, z.uscc) and z.id = :id").param("id", id).query(ZeroLandProjects::map).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "零增地技改项目不存在 / zero-land project not found"));
    }

    Page list(String regionPrefix, String q, String uscc, int page, int size, Scope scope) {
        String where = "where SCOPE(z.region_code, z.uscc) and z.region_code like :rp and (cast(:q as text) is null or z.name ilike :q or e.name ilike :q)"
                + " and (cast(:u as text) is null or z.uscc = :u)";
        String rp = (regionPrefix == null ? "" : regionPrefix.trim()) + "%";
        String qq = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
        long total = jurisdiction.sql("select count(*) from zero_land_project z left join enterprise e on e.uscc = z.uscc " + where, scope)
                .param("rp", rp).param("q", qq).param("u", uscc).query(Long.class).single();
        List<Row> items = jurisdiction.sql(SELECT + where + " order by z.id desc limit :lim offset :off", scope)
                .param("rp", rp).param("q", qq).param("u", uscc).param("lim", size).param("off", (long) page * size)
                .query(ZeroLandProjects::map).list();
        return new Page(items, page, size, total);
    }

    Page list(String regionPrefix, String q, int page, int size) {
        return list(regionPrefix, q, null, page, size, jurisdiction.current());
    }
}
