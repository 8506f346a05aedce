package org.mujun.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mujun.audit.AuditLog;
import org.mujun.land.StandardLandEvents;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The credit record (信用记录, SPEC §7): one table for 标准地 reviews (守信 KEPT or 失信 BROKEN, with the
 * 违约金 and 收回) and commitment breaches (失信, with the clawback). The 失信 list is the BROKEN
 * entries. A 标准地 commitment's breach is the same failure as its contract's failed review, so its
 * clawback is added to that review's entry rather than making a second one.
 */
@Component
class CreditRecords {

    record Entry(long id, String uscc, String enterpriseName, Long enterpriseId, String regionCode, LocalDate onDate, String kind, String sourceKind,
                 long sourceId, int round, String sourceRef, String reason, BigDecimal penaltyWan, BigDecimal clawbackWan, boolean reclaim,
                 String createdBy, Instant createdAt) {
    }

    record Page(List<Entry> items, int page, int size, long total) {
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final AuditLog audit;

    CreditRecords(JdbcClient jdbc, Jurisdiction jurisdiction, AuditLog audit) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.audit = audit;
    }

    /** The entry of a 标准地 review (called in the review's transaction). */
    long recordReview(StandardLandEvents.ReviewRecorded e) {
        long id = jdbc.sql("""
                        insert into credit_entry (uscc, region_code, on_date, kind, source_kind, source_id, round, source_ref, reason, penalty_wan,
                          reclaim, created_by)
                        values (:u, :r, :d, :k, 'STANDARD_LAND_REVIEW', :sid, :round, :ref, :why, :pen, :reclaim, :by) returning id""")
                .param("u", e.uscc()).param("r", e.regionCode()).param("d", e.reviewedOn()).param("k", e.creditKind()).param("sid", e.contractId())
                .param("round", e.round()).param("ref", "标准地合同 " + e.contractNo() + (e.round() == 1 ? " 达产复核" : " 第 " + e.round() + " 次复核"))
                .param("why", e.creditReason()).param("pen", e.passed() ? null : e.penalty()).param("reclaim", e.reclaim()).param("by", e.actor())
                .query(Long.class).single();
        audit.append(e.actor(), "CREDIT_ENTRY", "credit_entry:" + id, ("BROKEN".equals(e.creditKind()) ? "失信" : "守信") + "：" + e.uscc() + "，"
                + e.contractNo() + " 第 " + e.round() + " 次复核；" + e.creditReason());
        return id;
    }

    /** A 失信 entry for a commitment breach (once per commitment). */
    long recordBreach(long commitmentId, String uscc, String region, LocalDate on, String ref, String reason, BigDecimal clawback, String actor) {
        long id = jdbc.sql("""
                        insert into credit_entry (uscc, region_code, on_date, kind, source_kind, source_id, round, source_ref, reason, clawback_wan, created_by)
                        values (:u, :r, :d, 'BROKEN', 'COMMITMENT', :sid, 0, :ref, :why, :cb, :by)
                        on conflict (source_kind, source_id, round) do nothing returning id""")
                .param("u", uscc).param("r", region).param("d", on).param("sid", commitmentId).param("ref", ref).param("why", reason)
                .param("cb", clawback).param("by", actor).query(Long.class).optional().orElse(0L);
        if (id > 0) {
            audit.append(actor, "CREDIT_ENTRY", "credit_entry:" + id, "失信：" + uscc + "，" + ref + "；" + reason + "；追回 " + clawback + " 万元");
        }
        return id;
    }

    /** Adds a clawback to the latest failed review entry of a contract; false when there is none. */
    boolean addClawbackToReview(long contractId, BigDecimal clawback, String actor) {
        Long id = jdbc.sql("""
                        select id from credit_entry where source_kind = 'STANDARD_LAND_REVIEW' and source_id = :c and kind = 'BROKEN'
                        order by round desc limit 1""").param("c", contractId).query(Long.class).optional().orElse(null);
        if (id == null) {
            return false;
        }
        jdbc.sql("update credit_entry set clawback_wan = :cb where id = :id").param("cb", clawback).param("id", id).update();
        audit.append(actor, "CREDIT_CLAWBACK", "credit_entry:" + id, "标准地承诺追回 / clawback " + clawback + " 万元");
        return true;
    }

    private static Entry map(ResultSet rs, int n) throws SQLException {
        Entry e = entry(rs);
        if (ProjectWeb.maskTax() && "COMMITMENT".equals(e.sourceKind()) && e.reason().contains("税")) {
            // SPEC §11: a breach reason quoting tax figures is masked for the town officer
            return new Entry(e.id(), e.uscc(), e.enterpriseName(), e.enterpriseId(), e.regionCode(), e.onDate(), e.kind(), e.sourceKind(), e.sourceId(),
                    e.round(), e.sourceRef(), e.sourceRef() + "：***（含税收数据 / contains tax figures）", e.penaltyWan(), e.clawbackWan(), e.reclaim(),
                    e.createdBy(), e.createdAt());
        }
        return e;
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getString("uscc"), rs.getString("ename"), rs.getObject("eid", Long.class), rs.getString("region_code"),
                rs.getObject("on_date", LocalDate.class), rs.getString("kind"), rs.getString("source_kind"), rs.getLong("source_id"), rs.getInt("round"),
                rs.getString("source_ref"), rs.getString("reason"), rs.getBigDecimal("penalty_wan"), rs.getBigDecimal("clawback_wan"),
                rs.getBoolean("reclaim"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static final String SELECT = "select c.*, e.name ename, e.id eid from credit_entry c left join enterprise e on e.uscc = c.uscc ";

    /** Entries in scope; {@code kind} BROKEN (the 失信 list, default), KEPT or ALL. */
    Page list(String regionPrefix, String kind, String q, String uscc, int page, int size, Scope scope) {
        String k = kind == null || kind.isBlank() ? "BROKEN" : kind;
        String where = "where SCOPE(c.region_code, c.uscc) and c.region_code like :rp and (:k = 'ALL' or c.kind = :k)"
                + " and (cast(:q as text) is null or e.name ilike :q or c.uscc like :q or c.source_ref ilike :q)"
                + " and (cast(:u as text) is null or c.uscc = :u)";
        String rp = (regionPrefix == null ? "" : regionPrefix.trim()) + "%";
        String qq = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
        long total = jurisdiction.sql("select count(*) from credit_entry c left join enterprise e on e.uscc = c.uscc " + where, scope)
                .param("rp", rp).param("k", k).param("q", qq).param("u", uscc).query(Long.class).single();
        List<Entry> items = jurisdiction.sql(SELECT + where + " order by c.on_date desc, c.id desc limit :lim offset :off", scope)
                .param("rp", rp).param("k", k).param("q", qq).param("u", uscc).param("lim", size).param("off", (long) page * size)
                .query(CreditRecords::map).list();
        return new Page(items, page, size, total);
    }

    Page list(String regionPrefix, String kind, String q, int page, int size) {
        return list(regionPrefix, kind, q, null, page, size, jurisdiction.current());
    }

    Entry find(long id) {
        return jurisdiction.sql(SELECT + "where SCOPE(c.region_code, c.uscc) and c.id = :id").param("id", id).query(CreditRecords::map).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "信用记录不存在 / credit entry not found"));
    }
}
