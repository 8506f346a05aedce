package org.mujun.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** The accounts (app_user). Not jurisdiction-scoped: accounts are not business data. */
@Repository
public class Users implements UserDetailsService {

    /** Lockout after this many consecutive failures (SPEC §11). */
    public static final int MAX_FAILURES = 5;
    public static final java.time.Duration LOCK_DURATION = java.time.Duration.ofMinutes(30);

    private final JdbcClient jdbc;

    public Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public MujunUser loadUserByUsername(String username) {
        return findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    public Optional<MujunUser> findByUsername(String username) {
        return jdbc.sql("select * from app_user where username = :u").param("u", username).query(Users::map).optional();
    }

    public Optional<MujunUser> findById(long id) {
        return jdbc.sql("select * from app_user where id = :id").param("id", id).query(Users::map).optional();
    }

    public List<MujunUser> all() {
        return jdbc.sql("select * from app_user order by username").query(Users::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public long create(NewUser u, String passwordHash) {
        return jdbc.sql("""
                insert into app_user (username, display_name, password_hash, role, region_code, uscc, datasets, must_change_password)
                values (:username, :display, :hash, :role, :region, :uscc, :datasets, :mustChange) returning id""")
                .param("username", u.username()).param("display", u.displayName()).param("hash", passwordHash)
                .param("role", u.role().name()).param("region", u.regionCode()).param("uscc", u.uscc())
                .param("datasets", u.datasets().toArray(String[]::new)).param("mustChange", u.mustChangePassword())
                .query(Long.class).single();
    }

    /**
     * Counts a failed sign-in; returns true when this failure is the one that locks the account
     * (the {@link #MAX_FAILURES}th in a row), so that the lockout itself can be audited once.
     */
    public boolean recordFailure(String username) {
        return jdbc.sql("""
                update app_user set failed_attempts = failed_attempts + 1,
                       locked_until = case when failed_attempts + 1 >= :max then :until else locked_until end
                where username = :u returning failed_attempts""")
                .param("max", MAX_FAILURES).param("until", Timestamp.from(Instant.now().plus(LOCK_DURATION)))
                .param("u", username).query(Integer.class).optional().map(n -> n == MAX_FAILURES).orElse(false);
    }

    public void recordSuccess(String username) {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null, last_login_at = now() where username = :u")
                .param("u", username).update();
    }

    // --- administration (SECURITY_ADMIN) -----------------------------------------------------

    /** One page of accounts for the administration list, ordered by user name. */
    public List<Account> search(AccountFilter f, int page, int size) {
        StringBuilder sql = new StringBuilder("select * from app_user where true");
        Map<String, Object> params = new HashMap<>();
        f.appendTo(sql, params);
        sql.append(" order by username limit :limit offset :offset");
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql(sql.toString()).params(params).query(Users::mapAccount).list();
    }

    public long count(AccountFilter f) {
        StringBuilder sql = new StringBuilder("select count(*) from app_user where true");
        Map<String, Object> params = new HashMap<>();
        f.appendTo(sql, params);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    public Optional<Account> account(long id) {
        return jdbc.sql("select * from app_user where id = :id").param("id", id).query(Users::mapAccount).optional();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from app_user where lower(username) = lower(:u)").param("u", username)
                .query(Long.class).single() > 0;
    }

    /** Changes what an account may do; false when {@code version} is stale (someone else saved first). */
    public boolean update(long id, int version, String displayName, Role role, String regionCode, String uscc, Set<String> datasets) {
        return jdbc.sql("""
                update app_user set display_name = :display, role = :role, region_code = :region, uscc = :uscc,
                       datasets = :datasets, version = version + 1
                where id = :id and version = :version""")
                .param("display", displayName).param("role", role.name()).param("region", regionCode).param("uscc", uscc)
                .param("datasets", datasets.toArray(String[]::new)).param("id", id).param("version", version)
                .update() == 1;
    }

    public void unlock(long id) {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null, version = version + 1 where id = :id")
                .param("id", id).update();
    }

    public void setPassword(long id, String hash, boolean mustChange) {
        jdbc.sql("""
                update app_user set password_hash = :h, must_change_password = :m, password_changed_at = now(),
                       failed_attempts = 0, locked_until = null, version = version + 1 where id = :id""")
                .param("h", hash).param("m", mustChange).param("id", id).update();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("update app_user set enabled = :e, version = version + 1 where id = :id").param("e", enabled).param("id", id).update();
    }

    static MujunUser map(ResultSet rs, int n) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new MujunUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getString("region_code"),
                rs.getString("uscc"), toSet(rs.getArray("datasets")), rs.getBoolean("enabled"),
                locked == null ? null : locked.toInstant(), rs.getBoolean("must_change_password"));
    }

    static Account mapAccount(ResultSet rs, int n) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("region_code"), rs.getString("uscc"),
                toSet(rs.getArray("datasets")), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
                instant(rs.getTimestamp("locked_until")), rs.getBoolean("must_change_password"),
                instant(rs.getTimestamp("last_login_at")), instant(rs.getTimestamp("password_changed_at")),
                instant(rs.getTimestamp("created_at")), rs.getInt("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static Set<String> toSet(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return new TreeSet<>(Arrays.asList((String[]) array.getArray()));
    }

    /** An account as the security admin sees it: no password hash, with lockout and sign-in state. */
    public record Account(long id, String username, String displayName, Role role, String regionCode, String uscc,
                          Set<String> datasets, boolean enabled, int failedAttempts, Instant lockedUntil,
                          boolean mustChangePassword, Instant lastLoginAt, Instant passwordChangedAt, Instant createdAt,
                          int version) {

        @com.fasterxml.jackson.annotation.JsonProperty("locked")
        public boolean locked() {
            return lockedUntil != null && lockedUntil.isAfter(Instant.now());
        }
    }

    /**
     * Filters of the account list; null fields do not filter. {@code region} is a prefix (3310 finds
     * the city's accounts and those below it), {@code text} a substring of user or display name.
     */
    public record AccountFilter(Role role, String region, Boolean locked, Boolean disabled, String text) {

        public static final AccountFilter NONE = new AccountFilter(null, null, null, null, null);

        /** Fixed SQL fragments with bind parameters; nothing typed is spliced into the statement. */
        void appendTo(StringBuilder sql, Map<String, Object> params) {
            if (role != null) {
                sql.append(" and role = :role");
                params.put("role", role.name());
            }
            if (region != null && !region.isBlank()) {
                sql.append(" and starts_with(region_code, :region)");
                params.put("region", region.trim());
            }
            if (locked != null) {
                sql.append(locked ? " and locked_until > now()" : " and (locked_until is null or locked_until <= now())");
            }
            if (disabled != null) {
                sql.append(" and enabled = :enabled");
                params.put("enabled", !disabled);
            }
            if (text != null && !text.isBlank()) {
                sql.append(" and (strpos(lower(username), lower(:text)) > 0 or strpos(lower(display_name), lower(:text)) > 0)");
                params.put("text", text.trim());
            }
        }
    }

    public record NewUser(String username, String displayName, Role role, String regionCode, String uscc,
                          Set<String> datasets, boolean mustChangePassword) { }
}
