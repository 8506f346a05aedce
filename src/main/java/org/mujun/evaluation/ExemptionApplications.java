package org.mujun.evaluation;

import java.time.Instant;
import java.util.List;
import org.mujun.audit.AuditLog;
import org.mujun.security.Jurisdiction;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The register of approved applications for 不定等级 (SPEC §5 "exempt on application"): per enterprise and
 * year, the reason and who approved it. A scheme that accepts applications exempts these enterprises.
 * Rows are read and written through {@link Jurisdiction} (an admin records only its region's
 * enterprises); every change is audited.
 */
@Component
public class ExemptionApplications {

    public record Application(long id, String uscc, String name, String regionCode, int year, String reason, String approvedBy,
                              String recordedBy, Instant recordedAt) {
    }

    private final Jurisdiction jurisdiction;
    private final AuditLog audit;

    ExemptionApplications(Jurisdiction jurisdiction, AuditLog audit) {
        this.jurisdiction = jurisdiction;
        this.audit = audit;
    }

    /** Applications of a year (all years when null) in the user's jurisdiction, newest first. */
    public List<Application> list(Integer year) {
        return jurisdiction.sql("""
                        select a.id, a.uscc, e.name, e.region_code, a.year, a.reason, a.approved_by, a.recorded_by, a.recorded_at
                        from exemption_application a join enterprise e on e.uscc = a.uscc
                        where SCOPE(e.region_code, e.uscc) and (cast(:y as integer) is null or a.year = :y)
                        order by a.year desc, e.region_code, a.uscc limit 2000""")
                .param("y", year)
                .query((rs, n) -> new Application(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
                .list();
    }

    @Transactional
    public Application add(String uscc, int year, String reason, String approvedBy, String actor) {
        String u = uscc == null ? "" : uscc.trim().toUpperCase();
        if (!u.matches("[0-9A-Z]{18}")) {
            throw new IllegalArgumentException("统一社会信用代码格式错误 / malformed USCC: " + uscc);
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("年度应在2000至2100之间 / year must be between 2000 and 2100");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new IllegalArgumentException("请填写申请理由（500字以内） / give the reason (at most 500 characters)");
        }
        if (approvedBy == null || approvedBy.isBlank() || approvedBy.length() > 200) {
            throw new IllegalArgumentException("请填写批准人或批准文件（200字以内） / give who approved it (at most 200 characters)");
        }
        boolean known = jurisdiction.sql("select count(*) from enterprise e where SCOPE(e.region_code, e.uscc) and e.uscc = cast(:u as bpchar)")
                .param("u", u).query(Integer.class).single() > 0;
        if (!known) {
            throw new IllegalArgumentException("企业不存在或不在您的管辖范围内 / no such enterprise in your jurisdiction: " + u);
        }
        long id = jurisdiction.sql("""
                        insert into exemption_application (uscc, year, reason, approved_by, recorded_by)
                        select e.uscc, :y, :r, :a, :by from enterprise e where SCOPE(e.region_code, e.uscc) and e.uscc = cast(:u as bpchar)
                        on conflict (uscc, year) do update set reason = excluded.reason, approved_by = excluded.approved_by,
                            recorded_by = excluded.recorded_by, recorded_at = now()
                        returning id""")
                .param("u", u).param("y", year).param("r", reason.trim()).param("a", approvedBy.trim()).param("by", actor)
                .query(Long.class).single();
        audit.append(actor, "EXEMPTION_APPLICATION_RECORD", "exemption-application:" + id, u + " " + year + " " + reason.trim()
                + " approved by " + approvedBy.trim());
        return list(year).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void delete(long id, String actor) {
        Application a = jurisdiction.sql("""
                        select x.id, x.uscc, e.name, e.region_code, x.year, x.reason, x.approved_by, x.recorded_by, x.recorded_at
                        from exemption_application x join enterprise e on e.uscc = x.uscc where SCOPE(e.region_code, e.uscc) and x.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Application(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
                .optional().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "申请不存在 / application not found"));
        jurisdiction.sql("delete from exemption_application x using enterprise e where e.uscc = x.uscc and SCOPE(e.region_code, e.uscc) and x.id = :id")
                .param("id", id).update();
        audit.append(actor, "EXEMPTION_APPLICATION_WITHDRAW", "exemption-application:" + id, a.uscc() + " " + a.year());
    }
}
