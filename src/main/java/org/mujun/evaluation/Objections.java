package org.mujun.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mujun.attachment.Attachments;
import org.mujun.attachment.Attachments.Attachment;
import org.mujun.attachment.Attachments.Download;
import org.mujun.audit.AuditLog;
import org.mujun.evaluation.EvaluationRuns.Page;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.mujun.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * 异议 (SPEC §5 "Publish"): an enterprise objects to its result in a publicised run, with a text and
 * evidence files ({@link Attachments}), until the objection deadline (inclusive); an administrator of the
 * run's region accepts it (the data is then corrected through ingestion and a re-run, once publicised,
 * supersedes the run) or rejects it with a reason. Every read goes through {@link Jurisdiction} on the
 * enterprise's region and USCC: an enterprise sees its own objections, a town officer its town's, anything
 * else is "not found". Every change is audited.
 */
@Component
public class Objections {

    /** Owner type of the evidence files. */
    public static final String ATTACHMENT_OWNER = "evaluation-objection";

    public record Objection(long id, long runId, String runRegion, int runYear, RunStatus runStatus, LocalDate deadline, String uscc,
                            String enterpriseName, String regionCode, String body, ObjectionStatus status, String filedBy, Instant filedAt,
                            String decidedBy, Instant decidedAt, String decisionNote, Long correctedInRun) {
    }

    /** Filter of the list; every field optional. */
    public record Filter(Long runId, ObjectionStatus status, String region, String uscc) {
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    private static final String SELECT = """
            select o.id, o.run_id, r.region_code, r.year, r.status, r.objection_deadline, o.uscc,
                   coalesce((select x.name from evaluation_result x where x.run_id = o.run_id and x.uscc = o.uscc), o.uscc),
                   o.region_code, o.body, o.status, o.filed_by, o.filed_at, o.decided_by, o.decided_at, o.decision_note, o.corrected_in_run
            from evaluation_objection o join evaluation_run r on r.id = o.run_id""";

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final EvaluationRuns runs;
    private final Publications publications;
    private final Attachments attachments;
    private final AuditLog audit;

    Objections(JdbcClient jdbc, Jurisdiction jurisdiction, EvaluationRuns runs, Publications publications, Attachments attachments, AuditLog audit) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.runs = runs;
        this.publications = publications;
        this.attachments = attachments;
        this.audit = audit;
    }

    // ------------------------------------------------------------------ filing

    /**
     * Files the signed-in enterprise's objection to its result in a publicised run. Refused (409) when the
     * run is not publicised or the deadline has passed, 404 when the run or the enterprise's result is not
     * visible, 400 for an empty text, a second open objection or a refused file (nothing is stored then).
     */
    @Transactional
    public Objection file(long runId, String body, List<MultipartFile> files, String actor) {
        MujunUser u = Jurisdiction.currentUser();
        if (u == null || u.role() != Role.ENTERPRISE || u.uscc() == null) {
            throw new AccessDeniedException("only enterprise accounts file objections");
        }
        Run run = runs.get(runId);
        // shares the run row's lock with finalising: an objection cannot slip in while the run is finalised
        RunStatus status = RunStatus.valueOf(jdbc.sql("select status from evaluation_run where id = :id for share").param("id", runId)
                .query(String.class).single());
        if (!status.acceptsObjections()) {
            throw new IllegalTransitionException("该评价不在公示期（" + status.nameZh() + "），不能提出异议 / the run is not publicised ("
                    + status.nameEn() + "): objections are filed only during 公示");
        }
        LocalDate deadline = publications.read(runId).objectionDeadline();
        LocalDate today = publications.today();
        if (deadline == null || today.isAfter(deadline)) {
            throw new IllegalTransitionException("异议期已于 " + deadline + " 截止，不能再提出异议 / the objection window closed on " + deadline
                    + "; objections can no longer be filed");
        }
        Scope scope = jurisdiction.current();
        EvaluationRuns.ResultRow result = runs.result(run, u.uscc(), scope).orElseThrow(EvaluationRuns::notFound);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("请填写异议内容 / the objection needs a text");
        }
        if (text.length() > 4000) {
            throw new IllegalArgumentException("异议内容不能超过 4000 字 / the objection text is limited to 4,000 characters");
        }
        boolean open = jdbc.sql("select exists (select 1 from evaluation_objection where run_id = :r and uscc = :u and status = 'OPEN')")
                .param("r", runId).param("u", u.uscc()).query(Boolean.class).single();
        if (open) {
            throw new IllegalArgumentException("已有一件待处理的异议，请等待处理结果 / an objection of yours is already open; wait for its decision");
        }
        long id = jdbc.sql("""
                        insert into evaluation_objection (run_id, uscc, region_code, body, status, filed_by)
                        values (:r, :u, :reg, :b, 'OPEN', :a) returning id""")
                .param("r", runId).param("u", u.uscc()).param("reg", result.regionCode()).param("b", text).param("a", actor)
                .query(Long.class).single();
        List<Attachment> stored = attachments.storeAll(new Attachments.Owner(ATTACHMENT_OWNER, id, result.regionCode(), u.uscc()), files, actor);
        audit.append(actor, "EVALUATION_OBJECTION_FILE", "evaluation-objection:" + id, "run " + runId + " " + u.uscc() + " evidence files "
                + stored.size());
        return get(id);
    }

    // ------------------------------------------------------------------ reading

    /** One objection inside the user's jurisdiction whose run the user may see, else 404. */
    public Objection get(long id) {
        return find(id).orElseThrow(Objections::notFound);
    }

    public Optional<Objection> find(long id) {
        Optional<Objection> o = jurisdiction.sql(SELECT + " where o.id = :id and SCOPE(o.region_code, o.uscc)")
                .param("id", id).query(Objections::map).optional();
        return o.filter(x -> runs.find(x.runId()).isPresent());
    }

    static org.springframework.web.server.ResponseStatusException notFound() {
        return new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
                "异议不存在 / objection not found");
    }

    /** A page of the objections inside the user's jurisdiction, newest first. */
    public Page<Objection> list(Filter f, int page, int size) {
        int s = Math.max(1, Math.min(size, 500));
        int p = Math.max(0, page);
        StringBuilder where = new StringBuilder(" where SCOPE(o.region_code, o.uscc)");
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.runId() != null) {
            where.append(" and o.run_id = :run");
            params.put("run", f.runId());
        }
        if (f.status() != null) {
            where.append(" and o.status = :st");
            params.put("st", f.status().name());
        }
        String region = EvaluationRuns.blank(f.region());
        if (region != null) {
            if (!region.matches("\\d{2,12}")) {
                throw new IllegalArgumentException("区划代码应为数字 / region must be a code of digits");
            }
            where.append(" and o.region_code like :rp");
            params.put("rp", region + "%");
        }
        String uscc = EvaluationRuns.blank(f.uscc());
        if (uscc != null) {
            where.append(" and o.uscc = cast(:u as bpchar)");
            params.put("u", uscc.toUpperCase());
        }
        // objections exist only on published official runs, which every role that reaches this list may see
        var items = jurisdiction.sql(SELECT + where + " order by o.id desc limit :lim offset :off");
        var count = jurisdiction.sql("select count(*) from evaluation_objection o" + where);
        for (var e : params.entrySet()) {
            items = items.param(e.getKey(), e.getValue());
            count = count.param(e.getKey(), e.getValue());
        }
        List<Objection> rows = items.param("lim", s).param("off", (long) p * s).query(Objections::map).list();
        return new Page<>(rows, p, s, count.query(Long.class).single());
    }

    /** The evidence of an objection the user may see. */
    public List<Attachment> attachments(long objectionId) {
        get(objectionId);
        return attachments.list(ATTACHMENT_OWNER, objectionId);
    }

    /** One evidence file of an objection the user may see, else 404. */
    public Download attachment(long objectionId, long attachmentId) {
        get(objectionId);
        return attachments.find(ATTACHMENT_OWNER, objectionId, attachmentId).orElseThrow(() ->
                new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
                        "附件不存在 / attachment not found"));
    }

    // ------------------------------------------------------------------ deciding

    /** Accepts an open objection (an administrator of the run's region); the note says what will be corrected. */
    @Transactional
    public Objection accept(long id, String note, String actor) {
        Objection o = get(id);
        Publications.requireAdminOf(o.runRegion());
        ObjectionStatus next = lockStatus(id).accept();
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > 2000) {
            throw new IllegalArgumentException("说明不能超过 2000 字 / the note is limited to 2,000 characters");
        }
        decide(id, next, n, actor);
        audit.append(actor, "EVALUATION_OBJECTION_ACCEPT", "evaluation-objection:" + id, "run " + o.runId() + " " + o.uscc()
                + (n == null ? "" : " note: " + n));
        return get(id);
    }

    /** Rejects an open objection with a reason the enterprise sees. */
    @Transactional
    public Objection reject(long id, String reason, String actor) {
        Objection o = get(id);
        Publications.requireAdminOf(o.runRegion());
        ObjectionStatus next = lockStatus(id).reject(reason);
        String r = reason.strip();
        if (r.length() > 2000) {
            throw new IllegalArgumentException("理由不能超过 2000 字 / the reason is limited to 2,000 characters");
        }
        decide(id, next, r, actor);
        audit.append(actor, "EVALUATION_OBJECTION_REJECT", "evaluation-objection:" + id, "run " + o.runId() + " " + o.uscc() + " reason: " + r);
        return get(id);
    }

    private ObjectionStatus lockStatus(long id) {
        return ObjectionStatus.valueOf(jdbc.sql("select status from evaluation_objection where id = :id for update").param("id", id)
                .query(String.class).single());
    }

    private void decide(long id, ObjectionStatus status, String note, String actor) {
        jdbc.sql("update evaluation_objection set status = :s, decided_by = :a, decided_at = now(), decision_note = :n where id = :id")
                .param("s", status.name()).param("a", actor).param("n", note).param("id", id).update();
    }

    private static Objection map(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp(15);
        return new Objection(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), RunStatus.valueOf(rs.getString(5)),
                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                ObjectionStatus.valueOf(rs.getString(11)), rs.getString(12), rs.getTimestamp(13).toInstant(), rs.getString(14),
                decided == null ? null : decided.toInstant(), rs.getString(16), (Long) rs.getObject(17));
    }
}
