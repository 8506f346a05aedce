package org.mujun.ingest;

import java.util.List;
import org.mujun.common.DatasetType;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.springframework.stereotype.Repository;

/**
 * Value history and quality findings: business data, so read only through {@link Jurisdiction}. Tax figures
 * are masked for roles that may not see them (SPEC §11, {@code Role.seesTax()}: the town officer): the old and
 * new values of the 税务 data set, and the figures in findings about tax.
 */
@Repository
class DataHistory {

    private final Jurisdiction jurisdiction;

    DataHistory(Jurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    List<Uploads.Change> changes(String uscc, Long uploadId, int page, int size) {
        return jurisdiction.sql("""
                select c.* from data_change c join enterprise e on e.uscc = c.uscc
                where SCOPE(e.region_code, e.uscc)
                  and (cast(:uscc as text) is null or c.uscc = :uscc)
                  and (cast(:upload as bigint) is null or c.upload_id = :upload)
                order by c.id desc limit :l offset :o""")
                .param("uscc", uscc).param("upload", uploadId).param("l", size).param("o", page * size)
                .query((rs, n) -> {
                    boolean mask = masksTax() && DatasetType.TAX.name().equals(rs.getString("dataset"));
                    return new Uploads.Change(rs.getLong("id"), rs.getLong("upload_id"), rs.getString("dataset"),
                            rs.getString("record_key"), rs.getString("uscc"), rs.getString("field"),
                            mask ? MASK : rs.getString("old_value"), mask ? MASK : rs.getString("new_value"),
                            rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
                }).list();
    }

    List<Uploads.Finding> findings(String kind, Integer year, int page, int size) {
        return jurisdiction.sql("""
                select f.*, e.name from quality_finding f left join enterprise e on e.uscc = f.uscc
                where SCOPE(f.region_code, f.uscc)
                  and (cast(:kind as text) is null or f.kind = :kind)
                  and (cast(:year as integer) is null or f.year = :year)
                order by f.year desc, f.kind, f.uscc limit :l offset :o""")
                .param("kind", kind).param("year", year).param("l", size).param("o", page * size)
                .query((rs, n) -> new Uploads.Finding(rs.getLong("id"), rs.getString("kind"), rs.getString("uscc"), rs.getString("name"),
                        (Integer) rs.getObject("year"), rs.getString("region_code"),
                        masksTax() ? maskTaxDetail(rs.getString("kind"), rs.getString("detail")) : rs.getString("detail"),
                        rs.getTimestamp("found_at").toInstant())).list();
    }

    static final String MASK = "***";

    static boolean masksTax() {
        MujunUser u = Jurisdiction.currentUser();
        return u != null && !u.role().seesTax();
    }

    /**
     * A finding's text without tax figures: tax above revenue, and a year-on-year jump of tax paid (its detail
     * starts with 实缴税金, see {@link QualityChecks}). Other findings carry no tax and are left as they are.
     */
    static String maskTaxDetail(String kind, String detail) {
        if ("TAX_GT_REVENUE".equals(kind)) {
            return "实缴税金大于营业收入（税额不向本角色显示） / tax paid exceeds revenue (tax figures hidden for this role)";
        }
        if ("YOY_JUMP".equals(kind) && detail != null && detail.startsWith("实缴税金")) {
            return "实缴税金同比异常波动（税额不向本角色显示） / tax paid changed sharply year on year (tax figures hidden for this role)";
        }
        return detail;
    }

    long findingCount(String kind, Integer year) {
        return jurisdiction.sql("""
                select count(*) from quality_finding f
                where SCOPE(f.region_code, f.uscc)
                  and (cast(:kind as text) is null or f.kind = :kind)
                  and (cast(:year as integer) is null or f.year = :year)""")
                .param("kind", kind).param("year", year).query(Long.class).single();
    }
}
