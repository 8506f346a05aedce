package org.mujun.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
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
                .param("id", id).param("at", java.sql.Timestamp.from(at)).param("actor", safeActor)
                .param("action", action).param("target", target).param("detail", detail)
                .param("prev", prev).param("hash", hash).update();
        return new Entry(id, at, safeActor, action, target, detail, prev, hash);
    }

    public List<Entry> recent(int limit, long beforeId) {
        return jdbc.sql("select * from audit_log where id < :before order by id desc limit :limit")
                .param("before", beforeId).param("limit", limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("detail"),
                        rs.getString("prev_hash"), rs.getString("hash"))).list();
    }

    /** Walks the whole chain; returns the first entry whose hash or link does not hold, if any. */
    public Verification verify() {
        String[] prev = {GENESIS};
        long[] expectedId = {1};
        long[] count = {0};
        Long[] broken = {null};
        jdbc.sql("select * from audit_log order by id").query(rs -> {
            if (broken[0] != null) {
                return;
            }
            long id = rs.getLong("id");
            String recomputed = hash(rs.getString("prev_hash"), id, rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                    rs.getString("action"), rs.getString("target"), rs.getString("detail"));
            if (id != expectedId[0] || !prev[0].equals(rs.getString("prev_hash")) || !recomputed.equals(rs.getString("hash"))) {
                broken[0] = id;
                return;
            }
            prev[0] = rs.getString("hash");
            expectedId[0] = id + 1;
            count[0]++;
        });
        return new Verification(broken[0] == null, count[0], broken[0]);
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

    /** {@code firstBrokenId} is null when the chain holds. */
    public record Verification(boolean intact, long entries, Long firstBrokenId) { }
}
