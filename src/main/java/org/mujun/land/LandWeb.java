package org.mujun.land;

import org.mujun.common.FormValues;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.mujun.common.ExcelExport;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;

/** Access rules and form parsing shared by the land supervision pages and API. */
final class LandWeb {

    /** Every role that sees business data reads (rows narrowed by jurisdiction). */
    static final String READ = "isAuthenticated() and !hasAnyRole('SECURITY_ADMIN','DATA_PROVIDER')";
    /** Region administrators change contracts, run the check and edit rules. */
    static final String WRITE = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN')";
    /** Rule settings are read by administrators and the auditor. */
    static final String SETTINGS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN','AUDITOR')";

    private LandWeb() {
    }

    static String actor() {
        MujunUser u = Jurisdiction.currentUser();
        return u == null ? "system" : u.username();
    }

    /** The current user's region code ("" for none). */
    static String userRegion() {
        MujunUser u = Jurisdiction.currentUser();
        return u == null || u.regionCode() == null ? "" : u.regionCode();
    }

    static BigDecimal number(String s, String what) {
        return FormValues.number(s, what);
    }

    static Integer integer(String s, String what) {
        return FormValues.integer(s, what);
    }

    static LocalDate date(String s, String what) {
        return FormValues.date(s, what);
    }

    /** The request body, or a 400 when it is missing (checked after authorisation, so a refused role gets 403, not 400). */
    static <T> T body(T body) {
        return FormValues.body(body);
    }

    static int requireVersion(Integer v) {
        if (v == null) {
            throw new IllegalArgumentException("缺少版本号 version / the version is required (optimistic locking)");
        }
        return v;
    }

    static void xlsx(HttpServletResponse response, String file, String sheet, List<String> headers, List<List<?>> rows) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(file, StandardCharsets.UTF_8));
        ExcelExport.write(response.getOutputStream(), sheet, headers, rows);
    }
}
