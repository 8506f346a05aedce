package org.mujun.project;

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

/** Access rules and form parsing shared by the project module's pages and API. */
final class ProjectWeb {

    /** Every role that sees business data (rows narrowed by jurisdiction; ENTERPRISE to itself). */
    static final String READ = "isAuthenticated() and !hasAnyRole('SECURITY_ADMIN','DATA_PROVIDER')";
    /** Internal lists (两高 admission, rosters): officials, the town and the auditor, not enterprises. */
    static final String OFFICIALS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN','TOWN_OFFICER','AUDITOR')";
    /** Region administrators decide, register and change. */
    static final String WRITE = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN')";
    /** Project progress (completed investment) is reported by administrators and the town (SPEC §1: towns report progress). */
    static final String PROGRESS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN','TOWN_OFFICER')";
    /** Rule settings are read by administrators and the auditor. */
    static final String SETTINGS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN','AUDITOR')";

    private ProjectWeb() {
    }

    static String actor() {
        MujunUser u = Jurisdiction.currentUser();
        return u == null ? "system" : u.username();
    }

    static String userRegion() {
        MujunUser u = Jurisdiction.currentUser();
        return u == null || u.regionCode() == null ? "" : u.regionCode();
    }

    static boolean isAdmin() {
        MujunUser u = Jurisdiction.currentUser();
        return u != null && u.role().isAdmin();
    }

    /** Tax figures are masked for roles that do not see tax (SPEC §11): the town officer. */
    static boolean maskTax() {
        MujunUser u = Jurisdiction.currentUser();
        return u != null && !u.role().seesTax();
    }

    static BigDecimal number(String s, String what) {
        return FormValues.number(s, what);
    }

    static BigDecimal required(String s, String what) {
        BigDecimal b = number(s, what);
        if (b == null) {
            throw new IllegalArgumentException(what + "：必填 / required");
        }
        return b;
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

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static void xlsx(HttpServletResponse response, String file, String sheet, List<String> headers, List<List<?>> rows) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(file, StandardCharsets.UTF_8));
        ExcelExport.write(response.getOutputStream(), sheet, headers, rows);
    }

    /** Page count for a total and page size, at least 1. */
    static long pages(long total, int size) {
        return Math.max(1, (total + size - 1) / size);
    }
}
