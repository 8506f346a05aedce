package org.mujun.enterprise;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.mujun.common.Uscc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The USCC override list (SPEC §2): legal pilot codes that fail the GB 32100 check character,
 * admitted by the province administrator with a reason. Ingestion and the enterprise editor
 * accept a code on this list. One list for the whole installation (not region-scoped), so only
 * PROVINCE_ADMIN changes it; every change is audited.
 */
@Repository
public class UsccOverrides {

    public record Entry(String uscc, String reason, String addedBy, Instant addedAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    UsccOverrides(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Entry> all() {
        return jdbc.sql("select uscc, reason, added_by, added_at from uscc_override order by added_at desc, uscc")
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    public Optional<Entry> find(String uscc) {
        return jdbc.sql("select uscc, reason, added_by, added_at from uscc_override where uscc = cast(:u as bpchar)")
                .param("u", Uscc.normalise(uscc))
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())).optional();
    }

    public boolean contains(String uscc) {
        return uscc != null && find(uscc).isPresent();
    }

    /**
     * Adds a code: it must have the USCC form (18 characters of the alphabet) and fail the check
     * character, since a code that passes needs no override; a reason is required.
     */
    @Transactional
    public Entry add(String raw, String reason, String actor) {
        String u = Uscc.normalise(raw);
        String problem = Uscc.problem(u);
        if (problem == null) {
            throw new IllegalArgumentException("该代码校验位正确，无需加入例外名单 / this code passes the check character and needs no override: " + u);
        }
        new Uscc(u); // the form (length, alphabet) must hold even on the list; throws with a bilingual message
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new IllegalArgumentException("须填写理由（最多500字） / a reason is required (at most 500 characters)");
        }
        if (contains(u)) {
            throw new IllegalArgumentException("该代码已在例外名单中 / this code is already on the override list: " + u);
        }
        jdbc.sql("insert into uscc_override (uscc, reason, added_by) values (:u, :r, :a)")
                .param("u", u).param("r", why).param("a", actor).update();
        audit.append(actor, "USCC_OVERRIDE_ADD", "uscc:" + u, why);
        return find(u).orElseThrow();
    }

    @Transactional
    public void remove(String raw, String actor) {
        String u = Uscc.normalise(raw);
        Entry e = find(u).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "该代码不在例外名单中 / not on the override list: " + u));
        jdbc.sql("delete from uscc_override where uscc = cast(:u as bpchar)").param("u", u).update();
        audit.append(actor, "USCC_OVERRIDE_REMOVE", "uscc:" + u, "was added by " + e.addedBy() + ": " + e.reason());
    }
}
