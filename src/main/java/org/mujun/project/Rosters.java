package org.mujun.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mujun.audit.AuditLog;
import org.mujun.common.Uscc;
import org.mujun.land.EnterpriseFigures;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Rosters (清单/培育库, SPEC §7): named lists whose members are added by hand (with a reason) or by
 * rules — fixed rule kinds with parameters, all of which must hold; nothing an admin types is
 * executed. A refresh for a year applies the rules to every operating enterprise in the user's
 * scope with that year's data: qualifying enterprises join, rule members that no longer qualify
 * leave, manual members stay. Every join and leave is kept with year, source and reason.
 */
@Component
class Rosters {

    /** The rule kinds: a text or a number parameter each. */
    enum RuleKind {
        FLAG_CONTAINS(true), SIZE_CLASS(true), REVENUE_AT_LEAST(false), REVENUE_BELOW(false), TAX_PER_MU_AT_LEAST(false),
        VALUE_ADDED_PER_MU_AT_LEAST(false), LAND_MU_AT_LEAST(false), INDUSTRY_PREFIX(true);

        final boolean text;

        RuleKind(boolean text) {
            this.text = text;
        }

        public boolean isText() {
            return text;
        }
    }

    record Rule(RuleKind kind, String text, BigDecimal number) {
        Rule {
            if (kind == null) {
                throw new IllegalArgumentException("规则类型为空 / the rule kind is missing");
            }
            if (kind.text && (text == null || text.isBlank())) {
                throw new IllegalArgumentException("规则 " + kind + " 需要文字参数 / rule " + kind + " needs a text parameter");
            }
            if (!kind.text && (number == null || number.signum() < 0)) {
                throw new IllegalArgumentException("规则 " + kind + " 需要非负数参数 / rule " + kind + " needs a non-negative number");
            }
            if (kind == RuleKind.SIZE_CLASS && !("ABOVE".equals(text) || "BELOW".equals(text))) {
                throw new IllegalArgumentException("规模应为 ABOVE（规上）或 BELOW（规下） / size must be ABOVE or BELOW");
            }
            text = kind.text ? text.trim() : null;
            number = kind.text ? null : number;
        }

        /** "亩均税收 ≥ 30 万元/亩 / tax per mu ≥ 30 万元/亩". */
        public String describe() {
            String n = number == null ? "" : number.stripTrailingZeros().toPlainString();
            return switch (kind) {
                case FLAG_CONTAINS -> "企业标签含「" + text + "」 / flag contains " + text;
                case SIZE_CLASS -> ("ABOVE".equals(text) ? "规上企业 / above designated size" : "规下企业 / below designated size");
                case REVENUE_AT_LEAST -> "营业收入 ≥ " + n + " 万元 / revenue ≥ " + n + " 万元";
                case REVENUE_BELOW -> "营业收入 < " + n + " 万元 / revenue < " + n + " 万元";
                case TAX_PER_MU_AT_LEAST -> "亩均税收 ≥ " + n + " 万元/亩 / tax per mu ≥ " + n + " 万元/亩";
                case VALUE_ADDED_PER_MU_AT_LEAST -> "亩均增加值 ≥ " + n + " 万元/亩 / value added per mu ≥ " + n + " 万元/亩";
                case LAND_MU_AT_LEAST -> "用地面积 ≥ " + n + " 亩 / land ≥ " + n + " 亩";
                case INDUSTRY_PREFIX -> "行业代码以 " + text + " 开头 / industry " + text + "…";
            };
        }

        boolean matches(Facts f, EnterpriseFigures.Figures fig) {
            return switch (kind) {
                case FLAG_CONTAINS -> f.flags().stream().anyMatch(x -> x.contains(text));
                case SIZE_CLASS -> text.equals(f.sizeClass());
                case REVENUE_AT_LEAST -> fig != null && fig.revenue() != null && fig.revenue().compareTo(number) >= 0;
                case REVENUE_BELOW -> fig != null && fig.revenue() != null && fig.revenue().compareTo(number) < 0;
                case TAX_PER_MU_AT_LEAST -> fig != null && fig.taxPerMu() != null && fig.taxPerMu().compareTo(number) >= 0;
                case VALUE_ADDED_PER_MU_AT_LEAST -> fig != null && fig.valueAddedPerMu() != null && fig.valueAddedPerMu().compareTo(number) >= 0;
                case LAND_MU_AT_LEAST -> fig != null && fig.landMu() != null && fig.landMu().compareTo(number) >= 0;
                case INDUSTRY_PREFIX -> f.industry() != null && f.industry().startsWith(text.toUpperCase());
            };
        }
    }

    record Facts(String uscc, String region, String sizeClass, String industry, List<String> flags) {
    }

    record RosterRow(long id, String code, String regionCode, String name, String nameEn, String description, int version, List<Rule> rules,
                     long members, boolean editable) {
    }

    record Member(String uscc, String enterpriseName, Long enterpriseId, String regionCode, String source, int sinceYear, String reason,
                  String addedBy, Instant addedAt) {
    }

    record Change(String uscc, String enterpriseName, String regionCode, int year, String action, String source, String reason, String by,
                  Instant at) {
    }

    record RefreshResult(long rosterId, int year, int qualifying, int joined, int left) {
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final EnterpriseFigures figures;
    private final AuditLog audit;

    Rosters(JdbcClient jdbc, Jurisdiction jurisdiction, EnterpriseFigures figures, AuditLog audit) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.figures = figures;
        this.audit = audit;
    }

    private static final String VISIBLE = "(:r like r.region_code || '%' or r.region_code like :r || '%')";

    /** Rosters that cover the user's region or lie inside it, with their member counts in scope. */
    List<RosterRow> rosters() {
        String region = ProjectWeb.userRegion();
        Map<Long, Long> counts = new HashMap<>();
        jurisdiction.sql("select m.roster_id, count(*) from roster_member m where SCOPE(m.region_code, m.uscc) group by m.roster_id")
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        List<RosterRow> out = new ArrayList<>();
        for (RosterRow r : jdbc.sql("select * from roster r where " + VISIBLE + " order by r.id").param("r", region)
                .query((rs, n) -> row(rs, 0, region)).list()) {
            out.add(new RosterRow(r.id(), r.code(), r.regionCode(), r.name(), r.nameEn(), r.description(), r.version(), rules(r.id()),
                    counts.getOrDefault(r.id(), 0L), r.editable()));
        }
        return out;
    }

    private static RosterRow row(ResultSet rs, long members, String userRegion) throws SQLException {
        String rr = rs.getString("region_code");
        return new RosterRow(rs.getLong("id"), rs.getString("code"), rr, rs.getString("name"), rs.getString("name_en"), rs.getString("description"),
                rs.getInt("version"), List.of(), members, !userRegion.isEmpty() && rr.startsWith(userRegion));
    }

    RosterRow roster(long id) {
        String region = ProjectWeb.userRegion();
        RosterRow r = jdbc.sql("select * from roster r where " + VISIBLE + " and r.id = :id").param("r", region).param("id", id)
                .query((rs, n) -> row(rs, 0, region)).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "名单不存在 / roster not found"));
        long members = jurisdiction.sql("select count(*) from roster_member m where SCOPE(m.region_code, m.uscc) and m.roster_id = :id")
                .param("id", id).query(Long.class).single();
        return new RosterRow(r.id(), r.code(), r.regionCode(), r.name(), r.nameEn(), r.description(), r.version(), rules(id), members, r.editable());
    }

    List<Rule> rules(long rosterId) {
        return jdbc.sql("select kind, text_param, num_param from roster_rule where roster_id = :id order by id").param("id", rosterId)
                .query((rs, n) -> new Rule(RuleKind.valueOf(rs.getString(1)), rs.getString(2), rs.getBigDecimal(3))).list();
    }

    List<Member> members(long rosterId, String q) {
        roster(rosterId);
        String qq = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
        return jurisdiction.sql("""
                        select m.*, e.name ename, e.id eid from roster_member m left join enterprise e on e.uscc = m.uscc
                        where SCOPE(m.region_code, m.uscc) and m.roster_id = :id and (cast(:q as text) is null or e.name ilike :q or m.uscc like :q)
                        order by m.region_code, m.uscc limit 5000""")
                .param("id", rosterId).param("q", qq)
                .query((rs, n) -> {
                    return new Member(rs.getString("uscc"), rs.getString("ename"), rs.getObject("eid", Long.class), rs.getString("region_code"),
                            rs.getString("source"), rs.getInt("since_year"), rs.getString("reason"), rs.getString("added_by"),
                            rs.getTimestamp("added_at").toInstant());
                }).list();
    }

    List<Change> history(long rosterId, Integer year) {
        roster(rosterId);
        return jurisdiction.sql("""
                        select c.*, e.name ename from roster_change c left join enterprise e on e.uscc = c.uscc
                        where SCOPE(c.region_code, c.uscc) and c.roster_id = :id and (cast(:y as integer) is null or c.year = :y)
                        order by c.id desc limit 5000""")
                .param("id", rosterId).param("y", year)
                .query((rs, n) -> new Change(rs.getString("uscc"), rs.getString("ename"), rs.getString("region_code"), rs.getInt("year"),
                        rs.getString("action"), rs.getString("source"), rs.getString("reason"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant())).list();
    }

    /** The rosters an enterprise is on (for its page), in the current scope. */
    List<Map<String, Object>> membershipsOf(String uscc, Scope scope) {
        return jurisdiction.sql("""
                        select r.id, r.name, r.name_en, m.source, m.since_year, m.reason from roster_member m join roster r on r.id = m.roster_id
                        where SCOPE(m.region_code, m.uscc) and m.uscc = :u order by r.id""", scope)
                .param("u", uscc).query().listOfRows();
    }

    @Transactional
    void add(long rosterId, String rawUscc, int year, String reason, String actor) {
        RosterRow r = roster(rosterId);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("加入名单须写明原因 / adding needs a reason");
        }
        String uscc = Uscc.normalise(rawUscc);
        String region = jurisdiction.sql("select e.region_code from enterprise e where SCOPE(e.region_code, e.uscc) and e.uscc = :u")
                .param("u", uscc == null ? "" : uscc).query(String.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("企业 " + rawUscc + " 不存在或不在管辖范围内 / enterprise not found in your jurisdiction"));
        int n = jdbc.sql("""
                        insert into roster_member (roster_id, uscc, region_code, source, since_year, reason, added_by)
                        values (:id, :u, :r, 'MANUAL', :y, :why, :by) on conflict do nothing""")
                .param("id", rosterId).param("u", uscc).param("r", region).param("y", year).param("why", reason.trim()).param("by", actor).update();
        if (n == 0) {
            throw new IllegalArgumentException("该企业已在名单中 / the enterprise is on the roster already");
        }
        change(rosterId, uscc, region, year, "JOIN", "MANUAL", reason.trim(), actor);
        audit.append(actor, "ROSTER_ADD", "roster:" + rosterId, r.name() + " ← " + uscc + "（" + year + "）：" + reason.trim());
    }

    @Transactional
    void remove(long rosterId, String rawUscc, int year, String reason, String actor) {
        RosterRow r = roster(rosterId);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("移出名单须写明原因 / removing needs a reason");
        }
        String uscc = Uscc.normalise(rawUscc);
        record M(String region, String source) {
        }
        M m = jurisdiction.sql("select m.region_code, m.source from roster_member m where SCOPE(m.region_code, m.uscc) and m.roster_id = :id and m.uscc = :u")
                .param("id", rosterId).param("u", uscc == null ? "" : uscc).query((rs, n) -> new M(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new IllegalArgumentException("该企业不在名单中 / the enterprise is not on the roster"));
        jdbc.sql("delete from roster_member where roster_id = :id and uscc = :u").param("id", rosterId).param("u", uscc).update();
        change(rosterId, uscc, m.region(), year, "LEAVE", "MANUAL", reason.trim(), actor);
        audit.append(actor, "ROSTER_REMOVE", "roster:" + rosterId, r.name() + " → " + uscc + "（" + year + "）：" + reason.trim());
    }

    /** Applies the roster's rules with {@code year}'s data to every operating enterprise in the user's scope. */
    @Transactional
    RefreshResult refresh(long rosterId, int year, String actor) {
        return refresh(rosterId, year, actor, jurisdiction.current());
    }

    @Transactional
    RefreshResult refresh(long rosterId, int year, String actor, Scope scope) {
        String name = jdbc.sql("select name from roster where id = :id").param("id", rosterId).query(String.class).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "名单不存在 / roster not found"));
        List<Rule> rules = rules(rosterId);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("该名单没有规则，仅手工维护 / this roster has no rules; its members are kept by hand");
        }
        String ruleText = String.join("；", rules.stream().map(Rule::describe).toList());
        Map<String, EnterpriseFigures.Figures> figs = figures.forYear(year, "", scope);
        List<Facts> facts = jurisdiction.sql("select e.uscc, e.region_code, e.size_class, e.industry_code, e.flags from enterprise e"
                        + " where SCOPE(e.region_code, e.uscc) and e.status = 'OPERATING'", scope)
                .query((rs, n) -> new Facts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Arrays.asList((String[]) rs.getArray(5).getArray()))).list();
        Set<String> qualifying = new HashSet<>();
        Map<String, String> regionOf = new HashMap<>();
        for (Facts f : facts) {
            regionOf.put(f.uscc(), f.region());
            EnterpriseFigures.Figures fig = figs.get(f.uscc());
            if (rules.stream().allMatch(r -> r.matches(f, fig))) {
                qualifying.add(f.uscc());
            }
        }
        Map<String, String> current = new HashMap<>();
        jurisdiction.sql("select m.uscc, m.source from roster_member m where SCOPE(m.region_code, m.uscc) and m.roster_id = :id", scope)
                .param("id", rosterId).query(rs -> {
                    current.put(rs.getString(1), rs.getString(2));
                });
        int joined = 0;
        int left = 0;
        for (String u : qualifying) {
            if (!current.containsKey(u)) {
                String why = year + " 年数据符合：" + ruleText;
                jdbc.sql("insert into roster_member (roster_id, uscc, region_code, source, since_year, reason, added_by) values (:id, :u, :r, 'RULE', :y, :why, :by)")
                        .param("id", rosterId).param("u", u).param("r", regionOf.get(u)).param("y", year).param("why", why).param("by", actor).update();
                change(rosterId, u, regionOf.get(u), year, "JOIN", "RULE", why, actor);
                joined++;
            }
        }
        for (Map.Entry<String, String> m : current.entrySet()) {
            if ("RULE".equals(m.getValue()) && !qualifying.contains(m.getKey())) {
                String why = year + " 年数据不再符合：" + ruleText + (regionOf.containsKey(m.getKey()) ? "" : "（企业已非在营 / no longer operating）");
                String region = jdbc.sql("select region_code from roster_member where roster_id = :id and uscc = :u").param("id", rosterId)
                        .param("u", m.getKey()).query(String.class).single();
                jdbc.sql("delete from roster_member where roster_id = :id and uscc = :u").param("id", rosterId).param("u", m.getKey()).update();
                change(rosterId, m.getKey(), region, year, "LEAVE", "RULE", why, actor);
                left++;
            }
        }
        audit.append(actor, "ROSTER_REFRESH", "roster:" + rosterId, name + "（" + year + " 年，范围 " + (scope.regionPrefix() == null ? "" : scope.regionPrefix())
                + "）：符合 " + qualifying.size() + "，加入 " + joined + "，移出 " + left + "；规则 " + ruleText);
        return new RefreshResult(rosterId, year, qualifying.size(), joined, left);
    }

    private void change(long rosterId, String uscc, String region, int year, String action, String source, String reason, String actor) {
        jdbc.sql("insert into roster_change (roster_id, uscc, region_code, year, action, source, reason, changed_by) values (:id, :u, :r, :y, :a, :s, :why, :by)")
                .param("id", rosterId).param("u", uscc).param("r", region).param("y", year).param("a", action).param("s", source)
                .param("why", reason).param("by", actor).update();
    }

    /** Replaces the rules of a roster inside the admin's region; stale version → 409. */
    @Transactional
    void saveRules(long rosterId, int version, List<Rule> rules, String actor) {
        RosterRow r = roster(rosterId);
        if (!r.editable()) {
            throw new IllegalArgumentException("名单 " + r.name() + " 属于 " + r.regionCode() + "，只能由该区域的管理员修改规则 / only administrators of "
                    + r.regionCode() + " may change this roster's rules");
        }
        int n = jdbc.sql("update roster set version = version + 1 where id = :id and version = :v").param("id", rosterId).param("v", version).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("roster " + rosterId);
        }
        jdbc.sql("delete from roster_rule where roster_id = :id").param("id", rosterId).update();
        for (Rule rule : rules) {
            jdbc.sql("insert into roster_rule (roster_id, kind, text_param, num_param) values (:id, :k, :t, :n)")
                    .param("id", rosterId).param("k", rule.kind().name()).param("t", rule.text()).param("n", rule.number()).update();
        }
        audit.append(actor, "ROSTER_RULES", "roster:" + rosterId, r.name() + "：" + r.rules().stream().map(Rule::describe).toList() + " → "
                + rules.stream().map(Rule::describe).toList());
    }

    /** A new roster of the admin's region. */
    @Transactional
    long create(String code, String name, String nameEn, String description, String actor) {
        String region = ProjectWeb.userRegion();
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new IllegalArgumentException("编码应为大写字母、数字和下划线 / the code must be upper-case letters, digits and underscores");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("请填写名单名称 / the name is required");
        }
        Integer exists = jdbc.sql("select count(*) from roster where region_code = :r and code = :c").param("r", region).param("c", code)
                .query(Integer.class).single();
        if (exists > 0) {
            throw new IllegalArgumentException("编码 " + code + " 已存在 / code " + code + " exists already");
        }
        long id = jdbc.sql("insert into roster (code, region_code, name, name_en, description, created_by) values (:c, :r, :n, :ne, :d, :by) returning id")
                .param("c", code).param("r", region).param("n", name.trim()).param("ne", nameEn == null || nameEn.isBlank() ? name.trim() : nameEn.trim())
                .param("d", ProjectWeb.blankToNull(description)).param("by", actor).query(Long.class).single();
        audit.append(actor, "ROSTER_CREATE", "roster:" + id, code + " " + name + "（" + region + "）");
        return id;
    }
}
