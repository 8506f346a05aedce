package org.mujun.industry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.mujun.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named industry sets (SPEC §2): 六大高耗能行业, 两高 and any later ones. A set is a list of
 * GB/T 4754 code prefixes; an industry belongs to it when its code starts with one of them
 * (C2611 is in a set holding C26). The public API for later modules is {@link #members(String)}
 * and {@link #contains(String, String)} (screening asks whether an enterprise is 两高).
 * <p>
 * Members are cached for a short time so a screening over 200,000 enterprises reads them once;
 * an edit on this node takes effect at once, on another node within {@link #TTL}.
 */
@Component
public class IndustrySets {

    public static final String HIGH_ENERGY_SIX = "HIGH_ENERGY_SIX";
    public static final String LIANGGAO = "LIANGGAO";
    static final Duration TTL = Duration.ofSeconds(30);

    /** A set with its member prefixes in code order. */
    public record IndustrySet(String key, String name, String nameEn, List<String> members) {
    }

    private record Snapshot(long loadedAt, Map<String, IndustrySet> sets) {
    }

    private final JdbcClient jdbc;
    private final Industries industries;
    private final AuditLog audit;
    private volatile Snapshot snapshot;

    public IndustrySets(JdbcClient jdbc, Industries industries, AuditLog audit) {
        this.jdbc = jdbc;
        this.industries = industries;
        this.audit = audit;
    }

    public List<IndustrySet> all() {
        return List.copyOf(sets().values());
    }

    public java.util.Optional<IndustrySet> find(String key) {
        return java.util.Optional.ofNullable(key == null ? null : sets().get(key));
    }

    /** The member prefixes of a set; an unknown key is a programming error or bad input (400). */
    public Set<String> members(String key) {
        IndustrySet s = sets().get(key);
        if (s == null) {
            throw new IllegalArgumentException("未知行业集合 / unknown industry set: " + key);
        }
        return Set.copyOf(s.members());
    }

    /** Whether an industry code (C2611, C26, …) falls in the set; a null or blank code never does. */
    public boolean contains(String key, String industryCode) {
        return matcher(key).test(industryCode);
    }

    /** A predicate over industry codes for one set, fixed at call time (for bulk work). */
    public Predicate<String> matcher(String key) {
        List<String> prefixes = List.copyOf(members(key));
        return code -> code != null && !code.isBlank() && prefixes.stream().anyMatch(code.trim()::startsWith);
    }

    /**
     * Replaces a set's members (PROVINCE_ADMIN only, checked by the caller). Every code must be a
     * GB/T 4754 code of a known 大类; duplicates are dropped. Audited with the old and new lists.
     */
    @Transactional
    public IndustrySet update(String key, List<String> rawMembers, String actor) {
        IndustrySet old = find(key).orElseThrow(() -> new IllegalArgumentException("未知行业集合 / unknown industry set: " + key));
        if (rawMembers == null) {
            throw new IllegalArgumentException("成员不能为空 / members are required");
        }
        Set<String> members = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (String raw : rawMembers) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            try {
                members.add(industries.validate(raw).value());
            } catch (IllegalArgumentException e) {
                problems.add(raw.trim() + "：" + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("行业集合至少需要一个行业代码 / an industry set needs at least one industry code");
        }
        jdbc.sql("delete from industry_set_member where set_key = :k").param("k", key).update();
        for (String m : members) {
            jdbc.sql("insert into industry_set_member (set_key, industry_prefix) values (:k, :p)").param("k", key).param("p", m).update();
        }
        audit.append(actor, "INDUSTRY_SET_UPDATE", "industry_set:" + key, String.join(",", old.members()) + " → " + String.join(",", members));
        snapshot = null;
        return new IndustrySet(key, old.name(), old.nameEn(), List.copyOf(members));
    }

    /** Parses members typed in a form: separated by commas, semicolons, spaces or new lines. */
    public static List<String> split(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            for (String s : text.split("[\\s,，;；、]+")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return List.copyOf(out);
    }

    private Map<String, IndustrySet> sets() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.loadedAt() > TTL.toNanos()) {
            Map<String, List<String>> members = new LinkedHashMap<>();
            jdbc.sql("select set_key, industry_prefix from industry_set_member order by set_key, industry_prefix")
                    .query(rs -> {
                        members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2).trim());
                    });
            Map<String, IndustrySet> sets = new LinkedHashMap<>();
            jdbc.sql("select key, name, name_en from industry_set order by key")
                    .query(rs -> {
                        String k = rs.getString(1);
                        sets.put(k, new IndustrySet(k, rs.getString(2), rs.getString(3), List.copyOf(members.getOrDefault(k, List.of()))));
                    });
            snapshot = s = new Snapshot(System.nanoTime(), java.util.Collections.unmodifiableMap(sets));
        }
        return s.sets();
    }
}
