package org.mujun.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place where jurisdiction becomes SQL (SPEC §1). Every query over business rows is
 * written with a {@code SCOPE(region_column, uscc_column)} marker, which this class replaces by
 * a fixed predicate with bind parameters for the current user's region prefix and, for the
 * ENTERPRISE role, its USCC. Rows that belong to a region rather than to an enterprise (targets,
 * schemes, zones) use {@code REGION_SCOPE(region_column)}: the region prefix only. A query without
 * either marker is refused, so a page cannot forget it.
 * <pre>
 *   jurisdiction.sql("select * from enterprise e where SCOPE(e.region_code, e.uscc) and e.id = :id")
 *               .param("id", id).query(...)
 * </pre>
 */
@Component
public class Jurisdiction {

    private static final Pattern REGION_MARKER = Pattern.compile("REGION_SCOPE\\(\\s*([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)?)\\s*\\)");
    private static final Pattern MARKER = Pattern.compile("(?<!REGION_)SCOPE\\(\\s*([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)?)\\s*,\\s*([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)?)\\s*\\)");

    private final JdbcClient jdbc;

    public Jurisdiction(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current user's scope; {@link Scope#NONE} when nobody is signed in. */
    public Scope current() {
        MujunUser user = currentUser();
        return user == null ? Scope.NONE : user.scope();
    }

    public static MujunUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof MujunUser u ? u : null;
    }

    /** A statement over the current user's scope. */
    public JdbcClient.StatementSpec sql(String sql) {
        return sql(sql, current());
    }

    /** A statement over an explicit scope (CLI and background jobs). */
    public JdbcClient.StatementSpec sql(String sql, Scope scope) {
        return jdbc.sql(render(sql, scope))
                .param("jur_region", scope.regionPrefix() == null ? "" : scope.regionPrefix() + "%")
                .param("jur_uscc", scope.uscc());
    }

    static String render(String sql, Scope scope) {
        Matcher r = REGION_MARKER.matcher(sql);
        boolean regionMarker = r.find();
        if (regionMarker) {
            r.reset();
            StringBuilder out = new StringBuilder();
            while (r.find()) {
                String predicate = !scope.businessData() || scope.regionPrefix() == null
                        ? "(false)"
                        : "(" + r.group(1) + " like :jur_region)";
                r.appendReplacement(out, Matcher.quoteReplacement(predicate));
            }
            r.appendTail(out);
            sql = out.toString();
        }
        Matcher m = MARKER.matcher(sql);
        if (!m.find()) {
            if (regionMarker) {
                return sql;
            }
            throw new IllegalArgumentException("query over business data lacks SCOPE(region_column, uscc_column): " + sql);
        }
        m.reset();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String predicate = !scope.businessData() || scope.regionPrefix() == null
                    ? "(false)"
                    : "(" + m.group(1) + " like :jur_region and (cast(:jur_uscc as text) is null or " + m.group(2) + " = :jur_uscc))";
            m.appendReplacement(out, Matcher.quoteReplacement(predicate));
        }
        m.appendTail(out);
        return out.toString();
    }
}
