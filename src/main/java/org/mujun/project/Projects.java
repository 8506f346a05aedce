package org.mujun.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mujun.audit.AuditLog;
import org.mujun.common.IndustryCode;
import org.mujun.common.RegionCode;
import org.mujun.common.Uscc;
import org.mujun.common.WanYuan;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The project register (项目全周期, SPEC §7): projects stored for {@link Project}, moved one stage at a
 * time through the aggregate's guard, with completed investment reported over time; statistics by
 * region with {@link ProjectStatistics}. Reads through {@link Jurisdiction}; changes are checked
 * against the row version (stale → 409) and audited in the same transaction.
 */
@Component
class Projects {

    private static final Map<ProjectStage, String> COLUMN = new EnumMap<>(Map.of(ProjectStage.ATTRACTING, "attracting_on",
            ProjectStage.SIGNED, "signed_on", ProjectStage.LANDED, "landed_on", ProjectStage.STARTED, "started_on",
            ProjectStage.COMPLETED, "completed_on", ProjectStage.IN_PRODUCTION, "production_on", ProjectStage.AT_CAPACITY, "capacity_on"));

    record Row(long id, String regionCode, String uscc, String enterpriseName, Long enterpriseId, String investorName, String name,
               String industryCode, BigDecimal plannedWan, BigDecimal completedWan, ProjectStage stage, Map<ProjectStage, LocalDate> reachedOn,
               int version) {
        /** Planned investment ≥ 1 亿元 (10,000 万元). */
        public boolean yiYuan() {
            return plannedWan.compareTo(ProjectStatistics.defaults().yiYuan()) >= 0;
        }

        public String investor() {
            return enterpriseName != null ? enterpriseName : investorName;
        }
    }

    record Report(LocalDate reportedOn, BigDecimal completedWan, String note, String by, Instant at) {
    }

    record Change(ProjectStage from, ProjectStage to, LocalDate on, String note, String by, Instant at) {
    }

    record Detail(Row project, String note, String createdBy, Instant createdAt, List<Report> reports, List<Change> history, ProjectStage next) {
    }

    record Form(String regionCode, String uscc, String investorName, String name, String industryCode, BigDecimal plannedWan,
                LocalDate since, String note) {
    }

    record Page(List<Row> items, int page, int size, long total) {
    }

    /** Statistics of a region: each child region and the total. */
    record Statistics(String region, Integer signedYear, List<ProjectStatistics.Figures> groups, ProjectStatistics.Figures total,
                      Map<String, String> names) {
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final AuditLog audit;
    private final Admissions admissions;
    private final org.mujun.region.Regions regions;

    Projects(JdbcClient jdbc, Jurisdiction jurisdiction, AuditLog audit, Admissions admissions, org.mujun.region.Regions regions) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.audit = audit;
        this.admissions = admissions;
        this.regions = regions;
    }

    private static final String SELECT = "select p.*, e.name ename, e.id eid from project p left join enterprise e on e.uscc = p.uscc ";

    private static Row map(ResultSet rs, int n) throws SQLException {
        Map<ProjectStage, LocalDate> reached = new EnumMap<>(ProjectStage.class);
        for (Map.Entry<ProjectStage, String> c : COLUMN.entrySet()) {
            LocalDate d = rs.getObject(c.getValue(), LocalDate.class);
            if (d != null) {
                reached.put(c.getKey(), d);
            }
        }
        return new Row(rs.getLong("id"), rs.getString("region_code"), rs.getString("uscc"), rs.getString("ename"), rs.getObject("eid", Long.class),
                rs.getString("investor_name"), rs.getString("name"), rs.getString("industry_code"), rs.getBigDecimal("planned_wan"),
                rs.getBigDecimal("completed_wan"), ProjectStage.valueOf(rs.getString("stage")), reached, rs.getInt("version"));
    }

    Page list(String regionPrefix, ProjectStage stage, String q, int page, int size) {
        return list(regionPrefix, stage, q, null, page, size, jurisdiction.current());
    }

    Page list(String regionPrefix, ProjectStage stage, String q, String uscc, int page, int size, Scope scope) {
        String where = " where SCOPE(p.region_code, p.uscc) and p.region_code like :rp and (cast(:st as text) is null or p.stage = :st)"
                + " and (cast(:q as text) is null or p.name ilike :q or e.name ilike :q or p.investor_name ilike :q)"
                + " and (cast(:u as text) is null or p.uscc = :u)";
        String rp = (regionPrefix == null ? "" : regionPrefix.trim()) + "%";
        String st = stage == null ? null : stage.name();
        String qq = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
        long total = jurisdiction.sql("select count(*) from project p left join enterprise e on e.uscc = p.uscc" + where, scope)
                .param("rp", rp).param("st", st).param("q", qq).param("u", uscc).query(Long.class).single();
        List<Row> items = jurisdiction.sql(SELECT + where + " order by p.id desc limit :lim offset :off", scope)
                .param("rp", rp).param("st", st).param("q", qq).param("u", uscc).param("lim", size).param("off", (long) page * size)
                .query(Projects::map).list();
        return new Page(items, page, size, total);
    }

    Detail find(long id) {
        Row r = jurisdiction.sql(SELECT + " where SCOPE(p.region_code, p.uscc) and p.id = :id").param("id", id).query(Projects::map).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "项目不存在 / project not found"));
        record Meta(String note, String by, Instant at) {
        }
        Meta m = jdbc.sql("select note, created_by, created_at from project where id = :id").param("id", id)
                .query((rs, n) -> new Meta(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).single();
        List<Report> reports = jdbc.sql("select * from project_investment_report where project_id = :id order by id desc").param("id", id)
                .query((rs, n) -> new Report(rs.getObject("reported_on", LocalDate.class), rs.getBigDecimal("completed_wan"), rs.getString("note"),
                        rs.getString("reported_by"), rs.getTimestamp("reported_at").toInstant())).list();
        List<Change> history = jdbc.sql("select * from project_stage_change where project_id = :id order by id").param("id", id)
                .query((rs, n) -> new Change(ProjectStage.valueOf(rs.getString("from_stage")), ProjectStage.valueOf(rs.getString("to_stage")),
                        rs.getObject("on_date", LocalDate.class), rs.getString("note"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant())).list();
        return new Detail(r, m.note(), m.by(), m.at(), reports, history, r.stage().next());
    }

    @Transactional
    long register(Form f, String actor) {
        Scope scope = jurisdiction.current();
        String uscc = f.uscc() == null || f.uscc().isBlank() ? null : Uscc.normalise(f.uscc());
        String region = ProjectWeb.blankToNull(f.regionCode());
        if (uscc != null) {
            String er = jurisdiction.sql("select e.region_code from enterprise e where SCOPE(e.region_code, e.uscc) and e.uscc = :u").param("u", uscc)
                    .query(String.class).optional()
                    .orElseThrow(() -> new IllegalArgumentException("企业 " + uscc + " 不存在或不在管辖范围内 / enterprise not found in your jurisdiction"));
            region = region == null ? er : region;
        } else if (ProjectWeb.blankToNull(f.investorName()) == null) {
            throw new IllegalArgumentException("请填写企业统一社会信用代码或投资方名称 / give the enterprise's USCC or the investor's name");
        }
        admissions.requireRegion(region, scope);
        String industry = f.industryCode() == null || f.industryCode().isBlank() ? null : IndustryCode.of(f.industryCode()).value();
        LocalDate since = f.since() == null ? java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) : f.since();
        Project p = new Project(f.name() == null ? null : f.name().trim(), new RegionCode(region), f.plannedWan() == null ? null : new WanYuan(f.plannedWan()), since);
        long id = jdbc.sql("""
                        insert into project (region_code, uscc, investor_name, name, industry_code, planned_wan, stage, attracting_on, note, created_by)
                        values (:r, :u, :inv, :n, :i, :pl, 'ATTRACTING', :since, :note, :by) returning id""")
                .param("r", region).param("u", uscc).param("inv", ProjectWeb.blankToNull(f.investorName())).param("n", p.name())
                .param("i", industry).param("pl", p.plannedInvestment().value()).param("since", since).param("note", ProjectWeb.blankToNull(f.note()))
                .param("by", actor).query(Long.class).single();
        audit.append(actor, "PROJECT_REGISTER", "project:" + id, p.name() + "，区划 " + region + "，计划投资 " + p.plannedInvestment().value().toPlainString()
                + " 万元，招引自 " + since);
        return id;
    }

    /** Moves the project to {@code to} (which must be its next stage) on a date. */
    @Transactional
    Detail move(long id, int version, ProjectStage to, LocalDate on, String note, String actor) {
        Detail d = find(id);
        requireVersion(d.project(), version);
        if (to == null || on == null) {
            throw new IllegalArgumentException("请选择阶段并填写日期 / the stage and the date are required");
        }
        Project p = aggregate(d.project());
        switch (to) {
            case SIGNED -> p.markSigned(on);
            case LANDED -> p.markLanded(on);
            case STARTED -> p.markStarted(on);
            case COMPLETED -> p.markCompleted(on);
            case IN_PRODUCTION -> p.markInProduction(on);
            case AT_CAPACITY -> p.markAtCapacity(on);
            case ATTRACTING -> d.project().stage().requireMoveTo(to, p.name());
        }
        int n = jdbc.sql("update project set stage = :s, " + COLUMN.get(to) + " = :d, version = version + 1, updated_by = :by, updated_at = now()"
                        + " where id = :id and version = :v")
                .param("s", to.name()).param("d", on).param("by", actor).param("id", id).param("v", version).update();
        if (n == 0) {
            throw stale(id);
        }
        jdbc.sql("insert into project_stage_change (project_id, from_stage, to_stage, on_date, note, changed_by) values (:id, :f, :t, :d, :n, :by)")
                .param("id", id).param("f", d.project().stage().name()).param("t", to.name()).param("d", on).param("n", ProjectWeb.blankToNull(note))
                .param("by", actor).update();
        audit.append(actor, "PROJECT_MOVE", "project:" + id, d.project().name() + "：" + d.project().stage() + " → " + to + "，日期 " + on
                + (note == null || note.isBlank() ? "" : "，说明 " + note.trim()));
        return find(id);
    }

    /** Reports the cumulative completed investment (累计完成投资) as of a date; administrators and the town. */
    @Transactional
    Detail report(long id, int version, LocalDate on, BigDecimal completed, String note, String actor) {
        Detail d = find(id);
        requireVersion(d.project(), version);
        if (on == null) {
            throw new IllegalArgumentException("请填写填报日期 / the report date is required");
        }
        aggregate(d.project()).reportCompletedInvestment(completed == null ? null : new WanYuan(completed));
        int n = jdbc.sql("update project set completed_wan = :c, version = version + 1, updated_by = :by, updated_at = now() where id = :id and version = :v")
                .param("c", completed).param("by", actor).param("id", id).param("v", version).update();
        if (n == 0) {
            throw stale(id);
        }
        jdbc.sql("insert into project_investment_report (project_id, reported_on, completed_wan, note, reported_by) values (:id, :d, :c, :n, :by)")
                .param("id", id).param("d", on).param("c", completed).param("n", ProjectWeb.blankToNull(note)).param("by", actor).update();
        audit.append(actor, "PROJECT_INVESTMENT", "project:" + id, d.project().name() + "：累计完成投资 " + d.project().completedWan().toPlainString()
                + " → " + completed.toPlainString() + " 万元（" + on + "）" + (note == null || note.isBlank() ? "" : "，说明 " + note.trim()));
        return find(id);
    }

    private static Project aggregate(Row r) {
        return Project.restore(r.name(), new RegionCode(r.regionCode()), new WanYuan(r.plannedWan()), new WanYuan(r.completedWan()), r.reachedOn());
    }

    private static void requireVersion(Row r, int version) {
        if (r.version() != version) {
            throw stale(r.id());
        }
    }

    private static OptimisticLockingFailureException stale(long id) {
        return new OptimisticLockingFailureException("project " + id + " was changed by someone else");
    }

    /**
     * Statistics of the projects in scope under {@code region} (default: the user's region), grouped
     * by the next region level (province → cities, city → counties, county → towns), optionally only
     * projects signed in {@code signedYear}.
     */
    Statistics statistics(String region, Integer signedYear) {
        String r = region == null || region.isBlank() ? ProjectWeb.userRegion() : region.trim();
        List<ProjectStatistics.Item> items = new ArrayList<>();
        jurisdiction.sql("select p.*, cast(null as text) ename, cast(null as bigint) eid from project p where SCOPE(p.region_code, p.uscc) and p.region_code like :rp")
                .param("rp", r + "%").query((rs, n) -> map(rs, n)).list()
                .forEach(row -> items.add(aggregate(row).item()));
        List<ProjectStatistics.Item> chosen = signedYear == null ? items
                : ProjectStatistics.signedBetween(items, LocalDate.of(signedYear, 1, 1), LocalDate.of(signedYear, 12, 31));
        int childLength = switch (r.length()) {
            case 0 -> 2;
            case 2 -> 4;
            case 4 -> 6;
            default -> 9;
        };
        ProjectStatistics stats = ProjectStatistics.defaults();
        List<ProjectStatistics.Figures> groups = stats.byRegion(chosen, childLength);
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (ProjectStatistics.Figures g : groups) {
            names.put(g.group(), regions.find(g.group()).map(org.mujun.region.Region::name).orElse(g.group()));
        }
        return new Statistics(r, signedYear, groups, stats.compute(r.isEmpty() ? "*" : r, chosen), names);
    }
}
