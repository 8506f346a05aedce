package org.mujun.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Scope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Evaluation schemes (评价方案, SPEC §5) as stored: one row per version of a region and year. A version
 * is a {@link SchemeStatus#DRAFT} (editable, with an optimistic lock) until it is published; a
 * published version never changes (the database refuses it too) and editing it starts the next
 * version as a new draft. At most one draft per region and year.
 * <p>
 * Visibility: a scheme is visible to a user whose region overlaps the scheme's (a county admin sees its
 * county's and its city's schemes); only an admin whose region contains the scheme's region changes
 * it. Methods without a {@link Scope} use the signed-in user's.
 */
@Component
public class EvaluationSchemes {

    public enum SchemeStatus {
        DRAFT, PUBLISHED;

        /** Guard of every change: only a draft is edited, published or deleted. */
        void requireDraft(int version) {
            if (this != DRAFT) {
                throw new IllegalArgumentException("第 " + version + " 版已发布，不能修改；请新建版本 / version " + version
                        + " is published and cannot change; start a new version");
            }
        }
    }

    /** One stored version. */
    public record SchemeVersion(long id, String regionCode, int year, int version, SchemeStatus status, String name, Scheme scheme,
                                Long basedOn, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
                                String publishedBy, Instant publishedAt, int lockVersion) {
        public boolean draft() {
            return status == SchemeStatus.DRAFT;
        }
    }

    /** A scheme that cannot be saved or published: every problem with its field path. */
    public static final class InvalidSchemeException extends IllegalArgumentException {
        private final transient List<Problem> problems;

        public InvalidSchemeException(List<Problem> problems) {
            super("评价方案有误，共 " + problems.size() + " 处 / the scheme has " + problems.size() + " problem(s): "
                    + String.join("; ", problems.stream().map(Problem::message).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private static final String COLUMNS = "s.id, s.region_code, s.year, s.version, s.status, s.name, s.body::text, s.based_on, s.created_by, "
            + "s.created_at, s.updated_by, s.updated_at, s.published_by, s.published_at, s.lock_version";

    private static final RowMapper<SchemeVersion> MAPPER = (rs, n) -> new SchemeVersion(rs.getLong(1), rs.getString(2), rs.getInt(3),
            rs.getInt(4), SchemeStatus.valueOf(rs.getString(5)), rs.getString(6), SchemeFiles.fromJson(rs.getString(7)),
            (Long) rs.getObject(8), rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getString(11), rs.getTimestamp(12).toInstant(),
            rs.getString(13), rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(), rs.getInt(15));

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final AuditLog audit;

    EvaluationSchemes(JdbcClient jdbc, Jurisdiction jurisdiction, AuditLog audit) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.audit = audit;
    }

    /** Versions visible to the user, newest year and version first; filters optional. */
    public List<SchemeVersion> list(String regionPrefix, Integer year) {
        return list(regionPrefix, year, jurisdiction.current());
    }

    public List<SchemeVersion> list(String regionPrefix, Integer year, Scope scope) {
        if (!scope.businessData() || scope.regionPrefix() == null) {
            return List.of();
        }
        String rp = regionPrefix == null ? "" : regionPrefix.trim();
        return jdbc.sql("select " + COLUMNS + " from evaluation_scheme s where " + overlap("s.region_code")
                        + " and s.region_code like :rp and (cast(:y as integer) is null or s.year = :y)"
                        + " order by s.year desc, s.region_code, s.version desc limit 500")
                .param("p", scope.regionPrefix()).param("rp", rp + "%").param("y", year)
                .query(MAPPER).list();
    }

    /** SQL predicate: the row's region and the user's region :p overlap (one is a prefix of the other). */
    static String overlap(String column) {
        return "(" + column + " like :p || '%' or :p like " + column + " || '%')";
    }

    public Optional<SchemeVersion> find(long id) {
        return find(id, jurisdiction.current());
    }

    public Optional<SchemeVersion> find(long id, Scope scope) {
        if (!scope.businessData() || scope.regionPrefix() == null) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from evaluation_scheme s where s.id = :id and " + overlap("s.region_code"))
                .param("id", id).param("p", scope.regionPrefix()).query(MAPPER).optional();
    }

    /** The scheme or 404 (also for one outside the user's region). */
    public SchemeVersion get(long id) {
        return find(id).orElseThrow(EvaluationSchemes::notFound);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "评价方案不存在 / scheme not found");
    }

    /** The newest published version of a region and year. */
    public Optional<SchemeVersion> latestPublished(String region, int year, Scope scope) {
        return list(region, year, scope).stream()
                .filter(s -> s.regionCode().equals(region) && s.status() == SchemeStatus.PUBLISHED).findFirst();
    }

    /** The draft of a region and year, if any. */
    public Optional<SchemeVersion> draft(String region, int year, Scope scope) {
        return list(region, year, scope).stream()
                .filter(s -> s.regionCode().equals(region) && s.status() == SchemeStatus.DRAFT).findFirst();
    }

    /**
     * Opens the default scheme ({@link Scheme#defaultScheme}) of a region and year as a draft: returns the
     * existing draft when there is one, else creates the next version with the default content.
     */
    @Transactional
    public SchemeVersion openDefault(String region, int year, String actor) {
        return openDefault(region, year, actor, writable(region));
    }

    @Transactional
    public SchemeVersion openDefault(String region, int year, String actor, Scope scope) {
        requireWritable(region, scope);
        lockRegionYear(region, year);
        Optional<SchemeVersion> d = draft(region, year, scope);
        if (d.isPresent()) {
            return d.get();
        }
        return insertDraft(Scheme.defaultScheme(region, year), null, actor, scope, "default");
    }

    /** A new draft from a file's content (import); refused when a draft of that region and year exists. */
    @Transactional
    public SchemeVersion createDraft(Scheme scheme, String actor) {
        return createDraft(scheme, actor, writable(scheme.region()));
    }

    @Transactional
    public SchemeVersion createDraft(Scheme scheme, String actor, Scope scope) {
        requireWritable(scheme.region(), scope);
        requireValid(scheme);
        lockRegionYear(scheme.region(), scheme.year());
        draft(scheme.region(), scheme.year(), scope).ifPresent(d -> {
            throw new IllegalArgumentException(scheme.region() + " " + scheme.year() + " 已有草稿（第 " + d.version()
                    + " 版），请在草稿中导入或先删除草稿 / a draft (version " + d.version() + ") exists; import into it or delete it first");
        });
        return insertDraft(scheme, null, actor, scope, "import");
    }

    /** The next version as a draft, copied from {@code id} (usually the published one). */
    @Transactional
    public SchemeVersion newVersion(long id, String actor) {
        SchemeVersion from = get(id);
        Scope scope = writable(from.regionCode());
        lockRegionYear(from.regionCode(), from.year());
        Optional<SchemeVersion> d = draft(from.regionCode(), from.year(), scope);
        if (d.isPresent()) {
            throw new IllegalArgumentException("已有草稿（第 " + d.get().version() + " 版），请编辑该草稿 / a draft (version "
                    + d.get().version() + ") already exists; edit it");
        }
        return insertDraft(from.scheme(), from.id(), actor, scope, "from version " + from.version());
    }

    /**
     * Saves a draft's content. The scheme is validated first (every problem is reported at once,
     * nothing is saved); its region and year are the draft's. {@code lockVersion} must be the one read:
     * a draft changed meanwhile is refused with {@link OptimisticLockingFailureException}.
     */
    @Transactional
    public SchemeVersion saveDraft(long id, Scheme scheme, int lockVersion, String actor) {
        SchemeVersion cur = get(id);
        writable(cur.regionCode());
        cur.status().requireDraft(cur.version());
        Scheme s = scheme.withRegionAndYear(cur.regionCode(), cur.year());
        requireValid(s);
        int n = jdbc.sql("""
                        update evaluation_scheme set body = cast(:b as jsonb), name = :n, updated_by = :a, updated_at = now(),
                               lock_version = lock_version + 1
                        where id = :id and status = 'DRAFT' and lock_version = :v""")
                .param("b", SchemeFiles.toJson(s)).param("n", name(s)).param("a", actor).param("id", id).param("v", lockVersion).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("scheme " + id + " changed");
        }
        audit.append(actor, "EVALUATION_SCHEME_SAVE", "evaluation-scheme:" + id, cur.regionCode() + " " + cur.year() + " v" + cur.version());
        return get(id);
    }

    /** Publishes a draft: from now on it never changes and official runs may use it. */
    @Transactional
    public SchemeVersion publish(long id, int lockVersion, String actor) {
        SchemeVersion cur = get(id);
        return publish(id, lockVersion, actor, writable(cur.regionCode()));
    }

    /** Publishes for the CLI and jobs acting for {@code scope} (no signed-in user). */
    @Transactional
    public SchemeVersion publish(long id, int lockVersion, String actor, Scope scope) {
        SchemeVersion cur = find(id, scope).orElseThrow(EvaluationSchemes::notFound);
        requireWritable(cur.regionCode(), scope);
        cur.status().requireDraft(cur.version());
        requireValid(cur.scheme());
        int n = jdbc.sql("""
                        update evaluation_scheme set status = 'PUBLISHED', published_by = :a, published_at = now(), updated_by = :a,
                               updated_at = now(), lock_version = lock_version + 1
                        where id = :id and status = 'DRAFT' and lock_version = :v""")
                .param("a", actor).param("id", id).param("v", lockVersion).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("scheme " + id + " changed");
        }
        audit.append(actor, "EVALUATION_SCHEME_PUBLISH", "evaluation-scheme:" + id, cur.regionCode() + " " + cur.year() + " v" + cur.version());
        return find(id, scope).orElseThrow();
    }

    /** Deletes a draft that no run used. */
    @Transactional
    public void deleteDraft(long id, int lockVersion, String actor) {
        SchemeVersion cur = get(id);
        writable(cur.regionCode());
        cur.status().requireDraft(cur.version());
        boolean used = jdbc.sql("select exists (select 1 from evaluation_run where scheme_id = :id)").param("id", id)
                .query(Boolean.class).single();
        if (used) {
            throw new IllegalArgumentException("该草稿已用于试算，不能删除 / this draft was used by a what-if run and cannot be deleted");
        }
        int n = jdbc.sql("delete from evaluation_scheme where id = :id and status = 'DRAFT' and lock_version = :v")
                .param("id", id).param("v", lockVersion).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("scheme " + id + " changed");
        }
        audit.append(actor, "EVALUATION_SCHEME_DELETE", "evaluation-scheme:" + id, cur.regionCode() + " " + cur.year() + " v" + cur.version());
    }

    /** True when the signed-in user may change schemes of this region. */
    public boolean canEdit(String region) {
        MujunUser u = Jurisdiction.currentUser();
        return u != null && u.role().isAdmin() && u.regionCode() != null && region.startsWith(u.regionCode());
    }

    private SchemeVersion insertDraft(Scheme scheme, Long basedOn, String actor, Scope scope, String how) {
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from evaluation_scheme where region_code = :r and year = :y")
                .param("r", scheme.region()).param("y", scheme.year()).query(Integer.class).single();
        long id = jdbc.sql("""
                        insert into evaluation_scheme (region_code, year, version, status, name, body, based_on, created_by, updated_by)
                        values (:r, :y, :v, 'DRAFT', :n, cast(:b as jsonb), :based, :a, :a) returning id""")
                .param("r", scheme.region()).param("y", scheme.year()).param("v", next).param("n", name(scheme))
                .param("b", SchemeFiles.toJson(scheme)).param("based", basedOn).param("a", actor)
                .query(Long.class).single();
        audit.append(actor, "EVALUATION_SCHEME_CREATE", "evaluation-scheme:" + id, scheme.region() + " " + scheme.year() + " v" + next + " " + how);
        return find(id, scope).orElseThrow();
    }

    /** Serialises draft creation per region and year (the next version number and the one-draft rule). */
    private void lockRegionYear(String region, int year) {
        jdbc.sql("select pg_advisory_xact_lock(:k, hashtext(:r || ':' || cast(:y as text)))")
                .param("k", 0x4D4A5343 /* "MJSC" */).param("r", region).param("y", year).query().singleValue();
    }

    private static String name(Scheme s) {
        return s.name() == null || s.name().isBlank() ? "评价方案 " + s.region() + " " + s.year() : s.name().trim();
    }

    static void requireValid(Scheme s) {
        List<Problem> p = SchemeValidation.validate(s);
        if (!p.isEmpty()) {
            throw new InvalidSchemeException(p);
        }
    }

    /** The current user's scope if it may write schemes of the region, else 404 (outside) or 403. */
    private Scope writable(String region) {
        Scope scope = jurisdiction.current();
        requireWritable(region, scope);
        MujunUser u = Jurisdiction.currentUser();
        if (u != null && !u.role().isAdmin()) {
            throw new org.springframework.security.access.AccessDeniedException("only region administrators change schemes");
        }
        return scope;
    }

    private static void requireWritable(String region, Scope scope) {
        if (region == null || !region.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}")) {
            throw new IllegalArgumentException("行政区划代码应为2、4、6或9位数字 / region must be a code of 2, 4, 6 or 9 digits");
        }
        if (!scope.businessData() || scope.regionPrefix() == null || !region.startsWith(scope.regionPrefix())) {
            throw notFound();
        }
    }
}
