package org.mujun.ingest;

import java.util.List;
import org.mujun.security.Jurisdiction;
import org.springframework.stereotype.Repository;

/** Value history and quality findings: business data, so read only through {@link Jurisdiction}. */
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
                .query((rs, n) -> new Uploads.Change(rs.getLong("id"), rs.getLong("upload_id"), rs.getString("dataset"),
                        rs.getString("record_key"), rs.getString("uscc"), rs.getString("field"), rs.getString("old_value"),
                        rs.getString("new_value"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant())).list();
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
                        (Integer) rs.getObject("year"), rs.getString("region_code"), rs.getString("detail"),
                        rs.getTimestamp("found_at").toInstant())).list();
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
