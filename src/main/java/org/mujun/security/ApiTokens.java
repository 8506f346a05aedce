package org.mujun.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens for department systems: random, shown once, stored as SHA-256, scoped to data sets. */
@Repository
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Users users;

    public ApiTokens(JdbcClient jdbc, Users users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** Creates a token and returns its clear text (the only time it exists). */
    public Issued issue(long userId, String name, Set<String> datasets, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "mj_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                insert into api_token (user_id, name, token_hash, datasets, expires_at)
                values (:u, :n, :h, :d, :e) returning id""")
                .param("u", userId).param("n", name).param("h", sha256(token))
                .param("d", datasets.toArray(String[]::new)).param("e", expiresAt == null ? null : Timestamp.from(expiresAt))
                .query(Long.class).single();
        return new Issued(id, token);
    }

    /** The user a live token acts for, narrowed to the token's data sets. */
    public Optional<MujunUser> authenticate(String token) {
        if (token == null || !token.startsWith("mj_")) {
            return Optional.empty();
        }
        record Row(long id, long userId, Set<String> datasets) { }
        Optional<Row> row = jdbc.sql("""
                select id, user_id, datasets from api_token
                where token_hash = :h and revoked_at is null and (expires_at is null or expires_at > now())""")
                .param("h", sha256(token))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), Users.toSet(rs.getArray(3)))).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("update api_token set last_used_at = now() where id = :id").param("id", row.get().id()).update();
        return users.findById(row.get().userId())
                .filter(u -> u.isEnabled() && u.isAccountNonLocked())
                .map(u -> u.withDatasets(row.get().datasets()));
    }

    public List<TokenInfo> forUser(long userId) {
        return jdbc.sql("select * from api_token where user_id = :u order by id desc").param("u", userId)
                .query((rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("name"), Users.toSet(rs.getArray("datasets")),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at") == null ? null : rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant(),
                        rs.getTimestamp("revoked_at") != null)).list();
    }

    public boolean revoke(long userId, long tokenId) {
        return jdbc.sql("update api_token set revoked_at = now() where id = :id and user_id = :u and revoked_at is null")
                .param("id", tokenId).param("u", userId).update() == 1;
    }

    /** Revokes every live token of an account (its role changed); returns how many. */
    public int revokeAll(long userId) {
        return jdbc.sql("update api_token set revoked_at = now() where user_id = :u and revoked_at is null")
                .param("u", userId).update();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Issued(long id, String token) { }

    public record TokenInfo(long id, String name, Set<String> datasets, Instant createdAt, Instant expiresAt,
                            Instant lastUsedAt, boolean revoked) { }
}
