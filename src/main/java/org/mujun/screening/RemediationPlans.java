package org.mujun.screening;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.mujun.security.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 一企一方案 (SPEC §6): one plan per listed case — approach, measures, milestones with deadlines and responsible
 * units, expected outcomes. Drafted by the town while the case is LISTED or PLAN_RETURNED; every save carries the
 * version read, and a stale save is refused (409), never written over another's. Progress is reported per milestone
 * once approved; a daily check flags milestones past their deadline.
 */
@Component
public class RemediationPlans {

    private static final Logger log = LoggerFactory.getLogger(RemediationPlans.class);

    public record Milestone(long id, long planId, int seq, String title, LocalDate deadline, String responsibleUnit, int percent, LocalDate doneOn,
                            boolean overdue, LocalDate flaggedOn) {
    }

    public record Plan(long id, long caseId, String regionCode, String uscc, Approach approach, String measures, BigDecimal freedMu,
                       BigDecimal freedTce, BigDecimal cutCo2T, BigDecimal taxUpliftWan, int version, String updatedBy, Instant updatedAt,
                       String approvedBy, Instant approvedAt, List<Milestone> milestones) {
    }

    public record MilestoneDraft(String title, LocalDate deadline, String responsibleUnit) {
    }

    public record Draft(Approach approach, String measures, BigDecimal freedMu, BigDecimal freedTce, BigDecimal cutCo2T, BigDecimal taxUpliftWan,
                        List<MilestoneDraft> milestones) {
    }

    public record Progress(long id, long milestoneId, int percent, String note, String reportedBy, Instant reportedAt) {
    }

    /** An overdue milestone with its case, for the overdue list. */
    public record Overdue(long caseId, String regionCode, String uscc, String name, CaseState state, Milestone milestone) {
        public long daysLate(LocalDate today) {
            return java.time.temporal.ChronoUnit.DAYS.between(milestone.deadline(), today);
        }
    }

    public record CheckSummary(LocalDate checkedOn, int milestones, int overdue, int newly) {
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final ScreeningCases cases;
    private final AuditLog audit;

    RemediationPlans(JdbcClient jdbc, Jurisdiction jurisdiction, ScreeningCases cases, AuditLog audit) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.cases = cases;
        this.audit = audit;
    }

    public Optional<Plan> ofCase(long caseId, Scope scope) {
        return jurisdiction.sql("select p.* from screening_plan p where SCOPE(p.region_code, p.uscc) and p.case_id = :c", scope)
                .param("c", caseId).query(RemediationPlans::planRow).optional()
                .map(p -> withMilestones(p, scope));
    }

    private Plan withMilestones(Plan p, Scope scope) {
        List<Milestone> ms = jurisdiction.sql("select m.* from screening_milestone m where SCOPE(m.region_code, m.uscc) and m.plan_id = :p order by m.seq, m.id", scope)
                .param("p", p.id()).query(RemediationPlans::milestoneRow).list();
        return new Plan(p.id(), p.caseId(), p.regionCode(), p.uscc(), p.approach(), p.measures(), p.freedMu(), p.freedTce(), p.cutCo2T(),
                p.taxUpliftWan(), p.version(), p.updatedBy(), p.updatedAt(), p.approvedBy(), p.approvedAt(), ms);
    }

    static void validate(Draft d) {
        List<String> problems = new ArrayList<>();
        if (d.approach() == null) {
            problems.add("请选择整治方式 / choose an approach");
        }
        if (d.measures() == null || d.measures().isBlank()) {
            problems.add("请填写整治措施 / the measures are required");
        } else if (d.measures().length() > 5000) {
            problems.add("整治措施最多 5000 字 / measures at most 5000 characters");
        }
        for (BigDecimal b : new BigDecimal[]{d.freedMu(), d.freedTce(), d.cutCo2T()}) {
            if (b != null && b.signum() < 0) {
                problems.add("预期腾出用地、用能和减碳须 ≥ 0 / expected land, energy and CO₂ must be ≥ 0");
                break;
            }
        }
        List<MilestoneDraft> ms = d.milestones() == null ? List.of() : d.milestones();
        if (ms.isEmpty()) {
            problems.add("至少需要一个节点 / at least one milestone is required");
        }
        if (ms.size() > 30) {
            problems.add("最多 30 个节点 / at most 30 milestones");
        }
        for (int i = 0; i < ms.size(); i++) {
            MilestoneDraft m = ms.get(i);
            if (m.title() == null || m.title().isBlank() || m.deadline() == null || m.responsibleUnit() == null || m.responsibleUnit().isBlank()) {
                problems.add("节点 " + (i + 1) + "：名称、完成期限和责任单位必填 / milestone " + (i + 1) + ": title, deadline and responsible unit are required");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
    }

    /**
     * Saves the draft plan of a case (the town officer of its town or an administrator), while the case is LISTED or
     * PLAN_RETURNED. {@code version}: null for the first save, else the plan's version read; a stale one is refused.
     */
    @Transactional
    public Plan save(long caseId, Integer version, Draft d, MujunUser user) {
        Scope scope = user.scope();
        ScreeningCases.Case c = cases.find(caseId, scope).orElseThrow(() -> ScreeningCases.notFound(caseId));
        if (!(user.role().isAdmin() || user.role() == Role.TOWN_OFFICER)) {
            throw new AccessDeniedException("无权编制方案 / your role may not draft plans");
        }
        if (!c.state().planEditable()) {
            throw new org.mujun.evaluation.IllegalTransitionException("「" + c.state().nameZh() + "」状态下方案不可修改（仅已列入清单或方案退回时可编制） / the plan cannot be "
                    + "edited while the case is " + c.state().nameEn() + " (only when listed or returned)");
        }
        validate(d);
        Optional<Plan> old = ofCase(caseId, scope);
        long planId;
        if (old.isEmpty()) {
            if (version != null && version != 0) {
                throw new OptimisticLockingFailureException("plan of case " + caseId + " does not exist at version " + version);
            }
            planId = jdbc.sql("""
                            insert into screening_plan (case_id, region_code, uscc, approach, measures, freed_mu, freed_tce, cut_co2_t, tax_uplift_wan, updated_by)
                            values (:c, :r, :u, :a, :m, :mu, :tce, :co2, :tax, :by)
                            on conflict (case_id) do nothing returning id""")
                    .param("c", caseId).param("r", c.regionCode()).param("u", c.uscc()).param("a", d.approach().name()).param("m", d.measures().strip())
                    .param("mu", zero(d.freedMu())).param("tce", zero(d.freedTce())).param("co2", zero(d.cutCo2T())).param("tax", zero(d.taxUpliftWan()))
                    .param("by", user.username()).query(Long.class).optional()
                    .orElseThrow(() -> new OptimisticLockingFailureException("plan of case " + caseId + " was created concurrently"));
        } else {
            if (version == null) {
                throw new IllegalArgumentException("缺少版本号 version / the version is required (optimistic locking)");
            }
            planId = old.get().id();
            int n = jdbc.sql("""
                            update screening_plan set approach = :a, measures = :m, freed_mu = :mu, freed_tce = :tce, cut_co2_t = :co2, tax_uplift_wan = :tax,
                              updated_by = :by, updated_at = now(), version = version + 1
                            where id = :id and version = :v""")
                    .param("a", d.approach().name()).param("m", d.measures().strip()).param("mu", zero(d.freedMu())).param("tce", zero(d.freedTce()))
                    .param("co2", zero(d.cutCo2T())).param("tax", zero(d.taxUpliftWan())).param("by", user.username())
                    .param("id", planId).param("v", version).update();
            if (n == 0) {
                throw new OptimisticLockingFailureException("plan " + planId + " changed since version " + version);
            }
            jdbc.sql("delete from screening_milestone where plan_id = :p").param("p", planId).update();
        }
        int seq = 1;
        for (MilestoneDraft m : d.milestones()) {
            jdbc.sql("""
                            insert into screening_milestone (plan_id, region_code, uscc, seq, title, deadline, responsible_unit)
                            values (:p, :r, :u, :s, :t, :d, :ru)""")
                    .param("p", planId).param("r", c.regionCode()).param("u", c.uscc()).param("s", seq++).param("t", m.title().strip())
                    .param("d", m.deadline()).param("ru", m.responsibleUnit().strip()).update();
        }
        audit.append(user.username(), "SCREENING_PLAN_SAVE", "screening-plan:" + planId, "case " + caseId + " " + c.uscc() + " approach="
                + d.approach() + " mu=" + zero(d.freedMu()) + " tce=" + zero(d.freedTce()) + " co2=" + zero(d.cutCo2T()) + " tax=" + zero(d.taxUpliftWan())
                + " milestones=" + d.milestones().size());
        return ofCase(caseId, scope).orElseThrow();
    }

    /** Marks the plan approved (called inside the APPROVE_PLAN move). */
    void approved(long caseId, String actor) {
        jdbc.sql("update screening_plan set approved_by = :by, approved_at = now() where case_id = :c").param("by", actor).param("c", caseId).update();
    }

    /**
     * Reports progress on a milestone (town officer or administrator) while the plan is approved or being carried
     * out; 100% marks it done today and clears its overdue flag.
     */
    @Transactional
    public Milestone report(long milestoneId, Integer percent, String note, MujunUser user) {
        Scope scope = user.scope();
        Milestone m = jurisdiction.sql("select m.* from screening_milestone m where SCOPE(m.region_code, m.uscc) and m.id = :id", scope)
                .param("id", milestoneId).query(RemediationPlans::milestoneRow).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "节点不存在 / milestone not found"));
        if (!(user.role().isAdmin() || user.role() == Role.TOWN_OFFICER)) {
            throw new AccessDeniedException("无权报告进度 / your role may not report progress");
        }
        long caseId = jdbc.sql("select case_id from screening_plan where id = :p").param("p", m.planId()).query(Long.class).single();
        ScreeningCases.Case c = cases.find(caseId, scope).orElseThrow(() -> ScreeningCases.notFound(caseId));
        if (!c.state().progressOpen()) {
            throw new org.mujun.evaluation.IllegalTransitionException("「" + c.state().nameZh() + "」状态下不能报告进度 / progress can be reported only while the plan "
                    + "is approved or being carried out");
        }
        if (percent == null || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("进度须在 0–100 之间 / progress must be 0–100");
        }
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw new IllegalArgumentException("请填写进展说明（最多 2000 字） / a progress note is required (at most 2000 characters)");
        }
        LocalDate today = LocalDate.now(ScreeningCases.ZONE);
        jdbc.sql("""
                        update screening_milestone set percent = :p, done_on = case when :p = 100 then coalesce(done_on, :d) else null end,
                          overdue = case when :p = 100 then false else overdue end where id = :id""")
                .param("p", percent).param("d", today).param("id", milestoneId).update();
        jdbc.sql("insert into screening_progress (milestone_id, region_code, uscc, percent, note, reported_by) values (:m, :r, :u, :p, :n, :by)")
                .param("m", milestoneId).param("r", c.regionCode()).param("u", c.uscc()).param("p", percent).param("n", note.strip())
                .param("by", user.username()).update();
        audit.append(user.username(), "SCREENING_PROGRESS", "screening-milestone:" + milestoneId, "case " + caseId + " " + percent + "% " + note.strip());
        return jurisdiction.sql("select m.* from screening_milestone m where SCOPE(m.region_code, m.uscc) and m.id = :id", scope)
                .param("id", milestoneId).query(RemediationPlans::milestoneRow).single();
    }

    public List<Progress> progress(long planId, Scope scope) {
        return jurisdiction.sql("""
                        select g.* from screening_progress g join screening_milestone m on m.id = g.milestone_id
                        where SCOPE(g.region_code, g.uscc) and m.plan_id = :p order by g.id""", scope)
                .param("p", planId).query((rs, n) -> new Progress(rs.getLong("id"), rs.getLong("milestone_id"), rs.getInt("percent"), rs.getString("note"),
                        rs.getString("reported_by"), rs.getTimestamp("reported_at").toInstant())).list();
    }

    /** The daily overdue check (01:50 Asia/Shanghai by default), over every region. */
    @Scheduled(cron = "${mujun.screening.overdue-check-cron:0 50 1 * * *}", zone = "Asia/Shanghai")
    void daily() {
        try {
            CheckSummary s = check(LocalDate.now(ScreeningCases.ZONE), "system");
            log.info("screening overdue check: {} open milestones, {} overdue, {} newly", s.milestones(), s.overdue(), s.newly());
        } catch (RuntimeException e) {
            log.warn("screening overdue check failed", e);
        }
    }

    /**
     * Flags every open milestone (not done, of a case whose plan is approved or being carried out) whose deadline is
     * before {@code today}; clears the flag of those done or no longer open. Recorded and audited.
     */
    @Transactional
    public CheckSummary check(LocalDate today, String actor) {
        String open = "m.done_on is null and exists (select 1 from screening_plan p join screening_case c on c.id = p.case_id "
                + "where p.id = m.plan_id and c.state in ('PLAN_APPROVED','REMEDIATING'))";
        int milestones = jdbc.sql("select count(*) from screening_milestone m where " + open).query(Integer.class).single();
        int newly = jdbc.sql("update screening_milestone m set overdue = true, flagged_on = :d where not m.overdue and m.deadline < :d and " + open)
                .param("d", today).update();
        jdbc.sql("update screening_milestone m set overdue = false where m.overdue and not (m.deadline < :d and " + open + ")")
                .param("d", today).update();
        int overdue = jdbc.sql("select count(*) from screening_milestone m where m.overdue").query(Integer.class).single();
        jdbc.sql("insert into screening_overdue_check (checked_on, milestones, overdue, newly, run_by) values (:d, :m, :o, :n, :by)")
                .param("d", today).param("m", milestones).param("o", overdue).param("n", newly).param("by", actor).update();
        audit.append(actor, "SCREENING_OVERDUE_CHECK", "screening-overdue:" + today, "open=" + milestones + " overdue=" + overdue + " newly=" + newly);
        return new CheckSummary(today, milestones, overdue, newly);
    }

    /** Overdue milestones in the scope, the longest late first. */
    public List<Overdue> overdue(String region, Scope scope) {
        return jurisdiction.sql("""
                        select m.*, c.id as c_id, c.name as c_name, c.state as c_state from screening_milestone m
                        join screening_plan p on p.id = m.plan_id join screening_case c on c.id = p.case_id
                        where SCOPE(m.region_code, m.uscc) and m.overdue and m.region_code like :rp""" + ScreeningCases.enterpriseFilter(scope)
                        + " order by m.deadline, m.id limit 2000", scope)
                .param("rp", (region == null ? "" : region.trim()) + "%")
                .query((rs, n) -> new Overdue(rs.getLong("c_id"), rs.getString("region_code"), rs.getString("uscc"), rs.getString("c_name"),
                        CaseState.valueOf(rs.getString("c_state")), milestoneRow(rs, n))).list();
    }

    static Plan planRow(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp ap = rs.getTimestamp("approved_at");
        return new Plan(rs.getLong("id"), rs.getLong("case_id"), rs.getString("region_code"), rs.getString("uscc"), Approach.valueOf(rs.getString("approach")),
                rs.getString("measures"), rs.getBigDecimal("freed_mu").stripTrailingZeros(), rs.getBigDecimal("freed_tce").stripTrailingZeros(),
                rs.getBigDecimal("cut_co2_t").stripTrailingZeros(), rs.getBigDecimal("tax_uplift_wan").stripTrailingZeros(), rs.getInt("version"),
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant(), rs.getString("approved_by"), ap == null ? null : ap.toInstant(), List.of());
    }

    static Milestone milestoneRow(ResultSet rs, int n) throws SQLException {
        return new Milestone(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("seq"), rs.getString("title"), rs.getObject("deadline", LocalDate.class),
                rs.getString("responsible_unit"), rs.getInt("percent"), rs.getObject("done_on", LocalDate.class), rs.getBoolean("overdue"),
                rs.getObject("flagged_on", LocalDate.class));
    }

    private static BigDecimal zero(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}
