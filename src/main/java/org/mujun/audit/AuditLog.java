package org.mujun.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log (SPEC §11). Each entry's hash covers the previous entry's hash, so
 * changing or removing any entry breaks the chain from there on; a trigger also refuses UPDATE
 * and DELETE. Appends are serialised by a transaction-scoped advisory lock and join the caller's
 * transaction, so a change and its audit entry commit or roll back together.
 */
@Component
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 5_000;
    private static final long LOCK_KEY = 0x6d756a756eL; // "mujun"

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public Entry append(String actor, String action, String target, String detail) {
        jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", LOCK_KEY).query().singleRow();
        record Head(long id, String hash) { }
        Optional<Head> head = jdbc.sql("select id, hash from audit_log order by id desc limit 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional();
        long id = head.map(h -> h.id() + 1).orElse(1L);
        String prev = head.map(Head::hash).orElse(GENESIS);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String safeActor = actor == null ? "system" : actor;
        String hash = hash(prev, id, at, safeActor, action, target, detail);
        jdbc.sql("""
                insert into audit_log (id, at, actor, action, target, detail, prev_hash, hash)
                values (:id, :at, :actor, :action, :target, :detail, :prev, :hash)""")
                .param("id", id).param("at", Timestamp.from(at)).param("actor", safeActor)
                .param("action", action).param("target", target).param("detail", detail)
                .param("prev", prev).param("hash", hash).update();
        return new Entry(id, at, safeActor, action, target, detail, prev, hash);
    }

    public List<Entry> recent(int limit, long beforeId) {
        return search(Filter.NONE, beforeId, null, limit);
    }

    /**
     * One page of entries matching {@code filter}, newest first, by keyset on the id (the log grows
     * large, so never OFFSET): entries older than {@code before}, or, when only {@code after} is
     * given, the page just newer than {@code after}. Both null: the newest page.
     */
    public List<Entry> search(Filter filter, Long before, Long after, int limit) {
        Filter f = filter == null ? Filter.NONE : filter;
        boolean upward = before == null && after != null;
        StringBuilder sql = new StringBuilder("select * from audit_log where true");
        Map<String, Object> params = new HashMap<>();
        f.appendTo(sql, params);
        if (before != null) {
            sql.append(" and id < :before");
            params.put("before", before);
        }
        if (upward) {
            sql.append(" and id > :after order by id asc limit :limit");
            params.put("after", after);
        } else {
            sql.append(" order by id desc limit :limit");
        }
        params.put("limit", Math.max(1, limit));
        List<Entry> page = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(AuditLog::map).list());
        if (upward) {
            Collections.reverse(page);
        }
        return page;
    }

    /** Every entry matching {@code filter}, newest first, read in batches so that memory stays flat (exports). */
    public Iterable<Entry> all(Filter filter) {
        return () -> new Iterator<>() {
            private final ArrayDeque<Entry> batch = new ArrayDeque<>();
            private Long before;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (batch.isEmpty() && !exhausted) {
                    List<Entry> next = search(filter, before, null, BATCH);
                    exhausted = next.size() < BATCH;
                    if (!next.isEmpty()) {
                        before = next.get(next.size() - 1).id();
                    }
                    batch.addAll(next);
                }
                return !batch.isEmpty();
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.poll();
            }
        };
    }

    /**
     * The distinct actions in the log (for the filter's suggestions), by a loose index scan over
     * {@code audit_log_action_idx}: one index probe per distinct action, not a scan of the log.
     */
    public List<String> actions() {
        return jdbc.sql("""
                with recursive a(action) as (
                    (select action from audit_log order by action limit 1)
                    union all
                    select (select l.action from audit_log l where l.action > a.action order by l.action limit 1)
                    from a where a.action is not null)
                select action from a where action is not null""").query(String.class).list();
    }

    /**
     * Walks the whole chain in id order, in batches; returns the first entry whose id, link or hash
     * does not hold, if any. (Removing entries from the end cannot be seen by the chain itself; the
     * entry count is reported so that it can be compared with an earlier verification.)
     */
    public Verification verify() {
        String prev = GENESIS;
        long expectedId = 1;
        long count = 0;
        long last = 0;
        while (true) {
            List<Entry> batch = jdbc.sql("select * from audit_log where id > :last order by id limit :n")
                    .param("last", last).param("n", BATCH).query(AuditLog::map).list();
            for (Entry e : batch) {
                String recomputed = hash(e.prevHash(), e.id(), e.at(), e.actor(), e.action(), e.target(), e.detail());
                if (e.id() != expectedId || !prev.equals(e.prevHash()) || !recomputed.equals(e.hash())) {
                    return new Verification(false, count, e.id(), count == 0 ? null : prev);
                }
                prev = e.hash();
                expectedId = e.id() + 1;
                count++;
            }
            if (batch.size() < BATCH) {
                return new Verification(true, count, null, count == 0 ? null : prev);
            }
            last = batch.get(batch.size() - 1).id();
        }
    }

    private static Entry map(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), rs.getString("detail"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    static String hash(String prev, long id, Instant at, String actor, String action, String target, String detail) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{prev, Long.toString(id), at.truncatedTo(ChronoUnit.MICROS).toString(), actor, action,
                    target == null ? "" : target, detail == null ? "" : detail}) {
                md.update(part.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0x1f); // unit separator keeps ("ab","c") apart from ("a","bc")
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Entry(long id, Instant at, String actor, String action, String target, String detail,
                        String prevHash, String hash) { }

    /**
     * What to show of the log: {@code actor} and {@code action} exact, {@code target} a substring,
     * {@code from} inclusive and {@code to} exclusive; null fields do not filter.
     */
    public record Filter(String actor, String action, String target, Instant from, Instant to) {

        public static final Filter NONE = new Filter(null, null, null, null, null);

        public Filter {
            actor = blankToNull(actor);
            action = blankToNull(action);
            target = blankToNull(target);
        }

        /** Fixed SQL fragments with bind parameters; nothing typed is spliced into the statement. */
        void appendTo(StringBuilder sql, Map<String, Object> params) {
            if (actor != null) {
                sql.append(" and actor = :actor");
                params.put("actor", actor);
            }
            if (action != null) {
                sql.append(" and action = :action");
                params.put("action", action);
            }
            if (target != null) {
                sql.append(" and strpos(target, :target) > 0");
                params.put("target", target);
            }
            if (from != null) {
                sql.append(" and at >= :from");
                params.put("from", Timestamp.from(from));
            }
            if (to != null) {
                sql.append(" and at < :to");
                params.put("to", Timestamp.from(to));
            }
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    /**
     * {@code firstBrokenId} is null when the chain holds. {@code lastHash} is the hash of the last
     * entry that checked out: noted down outside the system, it also reveals a later removal of
     * entries from the end, which the chain alone cannot show.
     */
    public record Verification(boolean intact, long entries, Long firstBrokenId, String lastHash) { }
}
