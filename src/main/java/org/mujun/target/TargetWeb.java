package org.mujun.target;

import org.mujun.common.FormValues;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mujun.common.ExcelExport;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;

/** Access rules and small helpers shared by the target module's pages and API. */
final class TargetWeb {

    /** Targets, progress, snapshots, bulletin and assessment: officials, the town (its own region) and the auditor. */
    static final String READ = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN','TOWN_OFFICER','AUDITOR')";
    /** Setting targets and weights, taking snapshots: the region administrators (SPEC §1: "set targets"). */
    static final String WRITE = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN')";

    private TargetWeb() {
    }

    static String actor() {
        MujunUser u = Jurisdiction.currentUser();
        return u == null ? "system" : u.username();
    }

    static BigDecimal number(String s, String what) {
        return FormValues.number(s, what);
    }

    static Integer integer(String s, String what) {
        return FormValues.integer(s, what);
    }

    static <T> T body(T body) {
        return FormValues.body(body);
    }

    static void xlsx(HttpServletResponse response, String file, String sheet, List<String> headers, List<? extends List<?>> rows) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(file, StandardCharsets.UTF_8));
        ExcelExport.write(response.getOutputStream(), sheet, headers, rows);
    }
}
