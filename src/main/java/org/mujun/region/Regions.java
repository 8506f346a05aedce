package org.mujun.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The regions (public master data, not jurisdiction-scoped). Small and read-mostly, so cached in
 * memory after first use; {@link #invalidate()} after loading.
 */
@Repository
public class Regions {

    private final JdbcClient jdbc;
    private volatile Map<String, Region> byCode;

    public Regions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(cache().get(code));
    }

    public boolean exists(String code) {
        return code != null && cache().containsKey(code);
    }

    public List<Region> children(String code) {
        return cache().values().stream().filter(r -> code == null ? r.parentCode() == null : code.equals(r.parentCode()))
                .sorted(java.util.Comparator.comparing(Region::code)).toList();
    }

    public List<Region> all() {
        return cache().values().stream().sorted(java.util.Comparator.comparing(Region::code)).toList();
    }

    public List<Region> ofLevel(String level) {
        return all().stream().filter(r -> r.level().equals(level)).toList();
    }

    /** From the top down to {@code code}: province, city, county, town. */
    public List<Region> path(String code) {
        List<Region> path = new ArrayList<>();
        Region r = cache().get(code);
        while (r != null) {
            path.add(r);
            r = r.parentCode() == null ? null : cache().get(r.parentCode());
        }
        Collections.reverse(path);
        return path;
    }

    /** "浙江省 / 台州市 / 临海市" for display. */
    public String pathName(String code) {
        List<Region> p = path(code);
        return p.isEmpty() ? code : String.join(" / ", p.stream().map(Region::name).toList());
    }

    public String name(String code) {
        return find(code).map(Region::name).orElse(code);
    }

    public long count() {
        return jdbc.sql("select count(*) from region").query(Long.class).single();
    }

    public void invalidate() {
        byCode = null;
    }

    private Map<String, Region> cache() {
        Map<String, Region> m = byCode;
        if (m == null) {
            Map<String, Region> loaded = new ConcurrentHashMap<>();
            jdbc.sql("select code, name, level, parent_code from region")
                    .query((rs, n) -> new Region(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .list().forEach(r -> loaded.put(r.code(), r));
            byCode = m = loaded;
        }
        return m;
    }
}
