package org.mujun.target;

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
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + "：不是数字「" + s.trim() + "」 / not a number");
        }
    }

    static Integer integer(String s, String what) {
        BigDecimal b = number(s, what);
        if (b == null) {
            return null;
        }
        try {
            return b.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + "：应为整数 / must be a whole number");
        }
    }

    static <T> T body(T body) {
        if (body == null) {
            throw new IllegalArgumentException("请求体为空 / the request body is missing");
        }
        return body;
    }

    static void xlsx(HttpServletResponse response, String file, String sheet, List<String> headers, List<? extends List<?>> rows) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(file, StandardCharsets.UTF_8));
        ExcelExport.write(response.getOutputStream(), sheet, headers, rows);
    }
}
