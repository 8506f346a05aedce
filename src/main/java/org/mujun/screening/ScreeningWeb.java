package org.mujun.screening;

import org.mujun.common.FormValues;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mujun.common.ExcelExport;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;

/** Access rules and form parsing shared by the screening pages and API. */
final class ScreeningWeb {

    /** Every role that sees business data reads (rows narrowed by jurisdiction; an enterprise its own listed case). */
    static final String READ = "isAuthenticated() and !hasAnyRole('SECURITY_ADMIN','DATA_PROVIDER')";
    /** Officials and town officers: the screening lists, overdue list and totals (not enterprises). */
    static final String OFFICIALS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN','AUDITOR','TOWN_OFFICER')";
    /** Region administrators: run the screening, edit rules, run the overdue check. */
    static final String ADMIN = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN')";
    /** Rule settings are read by administrators and the auditor. */
    static final String SETTINGS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN','AUDITOR')";
    /** Case moves and plan edits: the town officer and administrators (each move checks its own actor). */
    static final String ACT = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN','TOWN_OFFICER')";

    private ScreeningWeb() {
    }

    static MujunUser user() {
        MujunUser u = Jurisdiction.currentUser();
        if (u == null) {
            throw new org.springframework.security.access.AccessDeniedException("not signed in");
        }
        return u;
    }

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

    static <T> T body(T body) {
        return FormValues.body(body);
    }

    /** The rules from the settings form (checkboxes "on"/"true"; tiers "3, 5, 10"). */
    static ScreeningRules rules(Map<String, String> f) {
        List<BigDecimal> tiers = new ArrayList<>();
        for (String t : (f.getOrDefault("taxTiers", "")).split("[,，/\\s]+")) {
            if (!t.isBlank()) {
                tiers.add(number(t, "亩均税收档位 / tax tiers"));
            }
        }
        return new ScreeningRules(on(f, "taxEnabled"), tiers, on(f, "classDEnabled"), req(f, "classDYears"), on(f, "energyEnabled"),
                number(f.get("energyShare"), "行业均值比例 / share"), on(f, "belowScaleEnabled"), number(f.get("belowScaleMu"), "规下用地 / land"),
                on(f, "lianggaoEnabled"), on(f, "outsideZoneEnabled"), on(f, "revenueEnabled"), number(f.get("revenueWan"), "营业收入 / revenue"),
                number(f.get("revenueTaxPerMu"), "亩均税收 / tax per mu"), req(f, "revenueYears"), req(f, "minHits"));
    }

    private static boolean on(Map<String, String> f, String k) {
        String v = f.get(k);
        return v != null && (v.equals("on") || v.equals("true"));
    }

    private static int req(Map<String, String> f, String k) {
        Integer v = integer(f.get(k), k);
        if (v == null) {
            throw new IllegalArgumentException(k + "：必填 / required");
        }
        return v;
    }

    static void xlsx(HttpServletResponse response, String file, String sheet, List<String> headers, List<List<?>> rows) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(file, StandardCharsets.UTF_8));
        ExcelExport.write(response.getOutputStream(), sheet, headers, rows);
    }

    /** Writes the 《高耗低效企业清单》 to a stream (page export and CLI). */
    static void writeList(java.io.OutputStream out, List<ScreeningCases.Case> rows, java.util.function.Function<Long, RemediationPlans.Plan> plan) throws IOException {
        List<List<?>> data = new ArrayList<>();
        int i = 1;
        for (ScreeningCases.Case c : rows) {
            RemediationPlans.Plan p = plan.apply(c.id());
            data.add(java.util.Arrays.asList(i++, c.regionCode(), c.uscc(), c.name(), c.industryCode(), c.year(), c.state().nameZh(),
                    String.join("；", c.hits().stream().map(ScreeningCases.Hit::detailZh).toList()), c.listedOn(),
                    p == null ? null : p.approach().nameZh(), p == null ? null : p.freedMu(), p == null ? null : p.freedTce(),
                    p == null ? null : p.cutCo2T(), c.closedOn()));
        }
        ExcelExport.write(out, "高耗低效企业清单", List.of("序号", "区划", "统一社会信用代码", "企业名称", "行业", "筛选年度", "状态", "命中规则",
                "列入日期", "整治方式", "预计腾出用地（亩）", "预计腾出用能（tce）", "预计减碳（t）", "销号日期"), data);
    }
}
