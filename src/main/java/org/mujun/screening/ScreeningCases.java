package org.mujun.screening;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mujun.attachment.Attachments;
import org.mujun.audit.AuditLog;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.mujun.security.Scope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Screening cases (SPEC §6): one per enterprise and screening year, with the rules that fired, the state and every
 * transition (who, when, why, evidence, proof), each also in the audit log. Reads go through {@link Jurisdiction}: a
 * town officer sees its town's cases, an enterprise only its own and only once listed; anything else is "not found".
 */
@Component
public class ScreeningCases {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Evidence attachments are owned by the case. */
    public static final String OWNER = "screening-case";

    public record Hit(RuleCode rule, BigDecimal value, BigDecimal threshold, String detailZh, String detailEn) {
    }

    public record Case(long id, String regionCode, String uscc, String name, String industryCode, int year, Long screeningRunId, CaseState state,
                       int version, Instant createdAt, Instant updatedAt, LocalDate listedOn, LocalDate closedOn, List<Hit> hits) {
        public String rulesText() {
            return String.join("、", hits.stream().map(h -> h.rule().nameZh()).toList());
        }
    }

    public record Transition(long id, CaseState from, CaseState to, String action, String actor, Instant at, String reason, List<Long> evidence,
                             String proof, Long auditId) {
        public String actionZh() {
            return "SCREEN".equals(action) ? "大数据筛选" : CaseAction.valueOf(action).nameZh();
        }
    }

    /** Filter of the case lists; every field optional. {@code listOnly}: only cases ever listed (the 清单). */
    public record Filter(String region, Integer year, CaseState state, String q, boolean listOnly) {
        public static final Filter ALL = new Filter(null, null, null, null, false);
    }

    public record Page(List<Case> items, int page, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** What a move carries besides the action: the version read, a reason, evidence files. */
    public record Move(Integer version, String reason, List<MultipartFile> files) {
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final Attachments attachments;
    private final AuditLog audit;

    ScreeningCases(JdbcClient jdbc, Jurisdiction jurisdiction, Attachments attachments, AuditLog audit) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.attachments = attachments;
        this.audit = audit;
    }

    /** ENTERPRISE accounts see their case only once it is on the list (a candidate is still being verified). */
    static String enterpriseFilter(Scope scope) {
        return scope.uscc() == null ? "" : " and c.state in ('LISTED','PLAN_SUBMITTED','PLAN_RETURNED','PLAN_APPROVED','REMEDIATING','DELISTED','CLOSED','EXITED','MERGED')";
    }

    private static String where(Filter f, Scope scope, Map<String, Object> p) {
        StringBuilder w = new StringBuilder(" where SCOPE(c.region_code, c.uscc)").append(enterpriseFilter(scope));
        if (f.region() != null && !f.region().isBlank()) {
            w.append(" and c.region_code like :rp");
            p.put("rp", f.region().trim() + "%");
        }
        if (f.year() != null) {
            w.append(" and c.year = :y");
            p.put("y", f.year());
        }
        if (f.state() != null) {
            w.append(" and c.state = :st");
            p.put("st", f.state().name());
        }
        if (f.listOnly()) {
            w.append(" and c.state in ('LISTED','PLAN_SUBMITTED','PLAN_RETURNED','PLAN_APPROVED','REMEDIATING','DELISTED','CLOSED','EXITED','MERGED')");
        }
        if (f.q() != null && !f.q().isBlank()) {
            w.append(" and (c.name like :q or c.uscc like :qu)");
            String q = f.q().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            p.put("q", "%" + q + "%");
            p.put("qu", q.toUpperCase(java.util.Locale.ROOT) + "%");
        }
        return w.toString();
    }

    public Page list(Filter f, int page, int size, Scope scope) {
        Map<String, Object> p = new HashMap<>();
        String w = where(f, scope, p);
        var count = jurisdiction.sql("select count(*) from screening_case c" + w, scope);
        var items = jurisdiction.sql("select c.* from screening_case c" + w + " order by c.region_code, c.uscc, c.id limit :l offset :o", scope);
        for (var e : p.entrySet()) {
            count = count.param(e.getKey(), e.getValue());
            items = items.param(e.getKey(), e.getValue());
        }
        int s = Math.max(1, Math.min(size, 500));
        List<Case> cases = items.param("l", s).param("o", (long) Math.max(0, page) * s).query(ScreeningCases::caseRow).list();
        return new Page(withHits(cases), Math.max(0, page), s, count.query(Long.class).single());
    }

    /** Every case of the filter in list order (exports), with hits. */
    public void forEach(Filter f, Scope scope, Consumer<Case> sink) {
        Map<String, Object> p = new HashMap<>();
        String w = where(f, scope, p);
        var items = jurisdiction.sql("select c.* from screening_case c" + w + " order by c.region_code, c.uscc, c.id", scope);
        for (var e : p.entrySet()) {
            items = items.param(e.getKey(), e.getValue());
        }
        List<Case> all = items.query(ScreeningCases::caseRow).list();
        for (int i = 0; i < all.size(); i += 500) {
            withHits(all.subList(i, Math.min(all.size(), i + 500))).forEach(sink);
        }
    }

    public Optional<Case> find(long id, Scope scope) {
        return jurisdiction.sql("select c.* from screening_case c where SCOPE(c.region_code, c.uscc) and c.id = :id" + enterpriseFilter(scope), scope)
                .param("id", id).query(ScreeningCases::caseRow).optional().map(c -> withHits(List.of(c)).get(0));
    }

    /** The case in the current user's jurisdiction, or 404. */
    public Case get(long id) {
        return find(id, jurisdiction.current()).orElseThrow(() -> notFound(id));
    }

    /** The enterprise's newest case in the scope (its panel, the map). */
    public Optional<Case> latestOf(String uscc, Scope scope) {
        return jurisdiction.sql("select c.* from screening_case c where SCOPE(c.region_code, c.uscc) and c.uscc = cast(:u as bpchar)"
                        + enterpriseFilter(scope) + " order by c.year desc, c.id desc limit 1", scope)
                .param("u", uscc).query(ScreeningCases::caseRow).optional().map(c -> withHits(List.of(c)).get(0));
    }

    static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "筛选案件不存在 / screening case not found: " + id);
    }

    public List<Transition> transitions(long caseId, Scope scope) {
        return jurisdiction.sql("select t.* from screening_transition t where SCOPE(t.region_code, t.uscc) and t.case_id = :c order by t.id", scope)
                .param("c", caseId).query((rs, n) -> new Transition(rs.getLong("id"), state(rs.getString("from_state")), state(rs.getString("to_state")),
                        rs.getString("action"), rs.getString("actor"), rs.getTimestamp("at").toInstant(), rs.getString("reason"),
                        ids(rs.getString("evidence")), rs.getString("proof"), (Long) rs.getObject("audit_id"))).list();
    }

    public List<Attachments.Attachment> evidence(long caseId, Scope scope) {
        return attachments.list(OWNER, caseId, scope);
    }

    /** Whether the user may make a move of this kind (not whether the state allows it). */
    public static boolean mayAct(CaseAction a, MujunUser u) {
        if (u == null) {
            return false;
        }
        return a.actor() == CaseAction.Actor.COUNTY ? u.role().isAdmin() : u.role().isAdmin() || u.role() == Role.TOWN_OFFICER;
    }

    /**
     * Makes a move on a case: 404 outside the jurisdiction, 403 for a role that may not make it, 409 when the state does
     * not allow it or the case changed since {@code move.version}, 400 when the reason or evidence it needs is missing.
     * {@code proof} is what a guard established (达标销号: the re-screening); {@code after} runs inside the transaction
     * after the state changed (plans, mergers).
     */
    @Transactional
    public Case act(long caseId, CaseAction action, Move move, String proof, MujunUser user, Consumer<Case> after) {
        Scope scope = user.scope();
        Case c = find(caseId, scope).orElseThrow(() -> notFound(caseId));
        if (!mayAct(action, user)) {
            throw new AccessDeniedException("无权执行此操作 / your role may not " + action.nameEn());
        }
        CaseState next = c.state().apply(action);
        if (move.version() != null && move.version() != c.version()) {
            throw new OptimisticLockingFailureException("screening case " + caseId + " changed since version " + move.version());
        }
        String reason = move.reason() == null ? null : move.reason().strip();
        if (reason != null && reason.length() > 2000) {
            throw new IllegalArgumentException("理由最多 2000 字 / the reason is at most 2000 characters");
        }
        if (action.needsReason() && (reason == null || reason.isEmpty())) {
            throw new IllegalArgumentException("请填写理由 / a reason is required to " + action.nameEn());
        }
        List<Attachments.Attachment> stored = attachments.storeAll(new Attachments.Owner(OWNER, c.id(), c.regionCode(), c.uscc()), move.files(), user.username());
        if (action.needsEvidence() && stored.isEmpty()) {
            throw new IllegalArgumentException("请上传证明材料 / evidence (at least one file) is required to " + action.nameEn());
        }
        int n = jdbc.sql("""
                        update screening_case set state = :s, version = version + 1, updated_at = now(),
                          listed_on = case when :s = 'LISTED' then current_date else listed_on end,
                          closed_on = case when :s in ('DELISTED','CLOSED','EXITED','MERGED') then current_date else closed_on end
                        where id = :id and version = :v""")
                .param("s", next.name()).param("id", c.id()).param("v", c.version()).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("screening case " + caseId + " changed concurrently");
        }
        String evidence = String.join(",", stored.stream().map(a -> String.valueOf(a.id())).toList());
        long auditId = audit.append(user.username(), "SCREENING_" + action.name(), "screening-case:" + c.id(),
                c.uscc() + " " + c.state() + "→" + next + (reason == null || reason.isEmpty() ? "" : " reason: " + reason)
                        + (evidence.isEmpty() ? "" : " evidence: " + evidence) + (proof == null ? "" : " proof: " + proof)).id();
        jdbc.sql("""
                        insert into screening_transition (case_id, region_code, uscc, from_state, to_state, action, actor, reason, evidence, proof, audit_id)
                        values (:c, :r, :u, :f, :t, :a, :by, :why, :ev, :pr, :au)""")
                .param("c", c.id()).param("r", c.regionCode()).param("u", c.uscc()).param("f", c.state().name()).param("t", next.name())
                .param("a", action.name()).param("by", user.username()).param("why", reason == null || reason.isEmpty() ? null : reason)
                .param("ev", evidence).param("pr", proof).param("au", auditId).update();
        Case updated = find(caseId, Scope.system(c.regionCode())).orElseThrow();
        if (after != null) {
            after.accept(updated);
        }
        return updated;
    }

    // ------------------------------------------------------------------ rows

    private List<Case> withHits(List<Case> cases) {
        if (cases.isEmpty()) {
            return cases;
        }
        Map<Long, List<Hit>> hits = new HashMap<>();
        jdbc.sql("select * from screening_hit where case_id = any(:ids) order by case_id, id")
                .param("ids", cases.stream().map(Case::id).toArray(Long[]::new))
                .query(rs -> {
                    hits.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>()).add(new Hit(RuleCode.valueOf(rs.getString("rule")),
                            strip(rs.getBigDecimal("value")), strip(rs.getBigDecimal("threshold")), rs.getString("detail_zh"), rs.getString("detail_en")));
                });
        return cases.stream().map(c -> new Case(c.id(), c.regionCode(), c.uscc(), c.name(), c.industryCode(), c.year(), c.screeningRunId(),
                c.state(), c.version(), c.createdAt(), c.updatedAt(), c.listedOn(), c.closedOn(), List.copyOf(hits.getOrDefault(c.id(), List.of())))).toList();
    }

    static Case caseRow(ResultSet rs, int n) throws SQLException {
        return new Case(rs.getLong("id"), rs.getString("region_code"), rs.getString("uscc"), rs.getString("name"), rs.getString("industry_code"),
                rs.getInt("year"), (Long) rs.getObject("screening_run_id"), CaseState.valueOf(rs.getString("state")), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getObject("listed_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class), List.of());
    }

    private static BigDecimal strip(BigDecimal b) {
        return b == null ? null : b.stripTrailingZeros();
    }

    private static CaseState state(String s) {
        return s == null ? null : CaseState.valueOf(s);
    }

    private static List<Long> ids(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(Long::valueOf).toList();
    }
}
