package org.mujun.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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

    public void recordFailure(String username) {
        jdbc.sql("""
                update app_user set failed_attempts = failed_attempts + 1,
                       locked_until = case when failed_attempts + 1 >= :max then :until else locked_until end
                where username = :u""")
                .param("max", MAX_FAILURES).param("until", Timestamp.from(Instant.now().plus(LOCK_DURATION)))
                .param("u", username).update();
    }

    public void recordSuccess(String username) {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where username = :u")
                .param("u", username).update();
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

    static Set<String> toSet(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return new TreeSet<>(Arrays.asList((String[]) array.getArray()));
    }

    public record NewUser(String username, String displayName, Role role, String regionCode, String uscc,
                          Set<String> datasets, boolean mustChangePassword) { }
}
