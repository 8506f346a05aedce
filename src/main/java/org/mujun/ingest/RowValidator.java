package org.mujun.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.mujun.common.IndustryCode;
import org.mujun.common.Uscc;
import org.mujun.energy.EnergyType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks and normalises one row against its data set's template (SPEC §3): every cell problem
 * is reported with the column header and a bilingual reason; a row with any problem is not applied.
 * Referential checks that need the database (enterprise known, in jurisdiction, duplicates in the
 * file) are done afterwards in SQL over the staged rows.
 */
final class RowValidator {

    /** What the validator needs to know about the world. */
    record Context(String regionPrefix, Predicate<String> townExists, Predicate<String> industryDivisionExists,
                   Predicate<String> usccOverride, int currentYear) { }

    record Problem(String column, String value, String reason) { }

    record Result(String[] values, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy-M-d"), DateTimeFormatter.ofPattern("yyyyMMdd"),
            DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日"));
    private static final Map<String, String> EVENT_TYPES = Map.of("重大安全事故", "MAJOR_SAFETY_ACCIDENT", "环保处罚", "ENVIRONMENTAL_PENALTY",
            "失信", "DISHONEST", "其他", "OTHER");
    private static final Map<String, String> STATUSES = Map.of("在营", "OPERATING", "存续", "OPERATING", "停产", "SUSPENDED",
            "停业", "SUSPENDED", "注销", "CLOSED", "关闭", "CLOSED", "吊销", "CLOSED", "被兼并", "MERGED", "兼并", "MERGED");

    private final DatasetSpec spec;
    private final Context ctx;
    private final int[] index;
    private final int energyTypeAt;
    private final int unitAt;
    private final int startYearAt;
    private final int endYearAt;
    private final int lessorAt;
    private final int lesseeAt;

    /** Maps the file's header to the template; refuses a file that lacks a required column. */
    RowValidator(DatasetSpec spec, List<String> header, Context ctx) {
        this.spec = spec;
        this.ctx = ctx;
        this.index = new int[spec.columns().size()];
        this.energyTypeAt = at(spec, "energy_type");
        this.unitAt = at(spec, "unit");
        this.startYearAt = at(spec, "start_year");
        this.endYearAt = at(spec, "end_year");
        this.lessorAt = at(spec, "lessor_uscc");
        this.lesseeAt = at(spec, "lessee_uscc");
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = normaliseHeader(header.get(i));
            if (h.isEmpty()) {
                continue;
            }
            if (byName.put(h, i) != null) {
                throw new RejectedFileException("表头列重复：" + header.get(i) + " / the header repeats column " + header.get(i));
            }
        }
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < spec.columns().size(); c++) {
            Column col = spec.columns().get(c);
            Integer i = byName.get(normaliseHeader(col.zh()));
            if (i == null) i = byName.get(normaliseHeader(col.en()));
            if (i == null) i = byName.get(normaliseHeader(col.code()));
            index[c] = i == null ? -1 : i;
            if (i == null && col.required() && !(col.kind() == Column.Kind.MONTH)) {
                missing.add(col.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new RejectedFileException("缺少必填列：" + String.join("、", missing) + "。请使用“" + spec.type().nameZh()
                    + "”数据集的模板 / required columns missing: " + String.join(", ", missing) + ". Use the " + spec.type().nameEn() + " template");
        }
    }

    /** 实缴税金合计(万元) → 实缴税金合计; case and spaces ignored. */
    static String normaliseHeader(String h) {
        if (h == null) {
            return "";
        }
        String s = h.replace('\uFEFF', ' ').trim();
        s = s.replaceAll("[（(][^）)]*[）)]\\s*$", "");
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    Result validate(RowSource.SourceRow row) {
        String[] values = new String[spec.columns().size()];
        List<Problem> problems = new ArrayList<>(0);
        for (int c = 0; c < values.length; c++) {
            Column col = spec.columns().get(c);
            String raw = index[c] < 0 ? null : row.cell(index[c]);
            String v = raw == null ? null : raw.strip();
            if (v != null && v.isEmpty()) {
                v = null;
            }
            if (v == null) {
                if (col.kind() == Column.Kind.MONTH) {
                    values[c] = "0";
                } else if (col.kind() == Column.Kind.STATUS) {
                    values[c] = "OPERATING";
                } else if (col.required()) {
                    problems.add(new Problem(col.header(), null, "必填项为空 / required value is empty"));
                }
                continue;
            }
            try {
                values[c] = normalise(col, v, values, problems);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(col.header(), v, e.getMessage()));
            }
        }
        crossChecks(values, problems);
        return new Result(values, problems);
    }

    private String normalise(Column col, String v, String[] soFar, List<Problem> problems) {
        return switch (col.kind()) {
            case USCC -> {
                String u = Uscc.normalise(v);
                String problem = Uscc.problem(u);
                if (problem != null && !(u.length() == 18 && ctx.usccOverride().test(u))) {
                    throw new IllegalArgumentException(problem);
                }
                yield u;
            }
            case YEAR -> {
                int y = integer(v.replace("年", ""), "年度 / year");
                if (y < 2000 || y > ctx.currentYear() + 1) {
                    throw new IllegalArgumentException("年度应在 2000 至 " + (ctx.currentYear() + 1) + " 之间 / year must be 2000 to " + (ctx.currentYear() + 1));
                }
                yield Integer.toString(y);
            }
            case MONTH -> {
                int m = integer(v.replace("月", ""), "月份 / month");
                if (m < 0 || m > 12) {
                    throw new IllegalArgumentException("月份应为 0（全年）至 12 / month must be 0 (whole year) to 12");
                }
                yield Integer.toString(m);
            }
            case DECIMAL -> {
                BigDecimal d = decimal(v);
                if (d.signum() < 0) {
                    throw new IllegalArgumentException("不能为负数 / must not be negative");
                }
                if (col.max() != null && d.compareTo(col.max()) > 0) {
                    throw new IllegalArgumentException("超出合理范围（上限 " + col.max().toPlainString() + "），请检查单位 / beyond the plausible range (max "
                            + col.max().toPlainString() + "): check the unit");
                }
                if (col.code().equals("area_m2") && d.signum() == 0) {
                    throw new IllegalArgumentException("面积必须大于0 / area must be greater than 0");
                }
                yield d.toPlainString();
            }
            case TEXT -> {
                if (v.length() > 1000) {
                    throw new IllegalArgumentException("文本过长（最多1000字） / text too long (at most 1000 characters)");
                }
                yield v;
            }
            case BOOL -> switch (v.toLowerCase(Locale.ROOT)) {
                case "是", "y", "yes", "true", "1", "t" -> "t";
                case "否", "n", "no", "false", "0", "f" -> "f";
                default -> throw new IllegalArgumentException("应填“是”或“否” / must be 是 (yes) or 否 (no)");
            };
            case DATE -> date(v).toString();
            case TOWN -> {
                if (!v.matches("\\d{9}")) {
                    throw new IllegalArgumentException("乡镇街道代码应为9位数字 / town code must have 9 digits");
                }
                if (!ctx.townExists().test(v)) {
                    throw new IllegalArgumentException("未知的乡镇街道代码 / unknown town code");
                }
                if (!v.startsWith(ctx.regionPrefix())) {
                    throw new IllegalArgumentException("不在您的管辖范围内 / outside your jurisdiction");
                }
                yield v;
            }
            case INDUSTRY -> {
                IndustryCode code = IndustryCode.of(v);
                if (!ctx.industryDivisionExists().test(code.division())) {
                    throw new IllegalArgumentException("未知的行业大类 " + code.division() + " / unknown industry division " + code.division());
                }
                yield code.value();
            }
            case ENERGY_TYPE -> EnergyType.parse(v).name();
            case ENERGY_UNIT -> v;
            case SIZE -> switch (v) {
                case "规上", "规模以上", "ABOVE", "above" -> "ABOVE";
                case "规下", "规模以下", "BELOW", "below" -> "BELOW";
                default -> throw new IllegalArgumentException("规模应填“规上”或“规下” / size must be 规上 (above) or 规下 (below)");
            };
            case STATUS -> {
                String s = STATUSES.get(v);
                if (s == null && Set.of("OPERATING", "SUSPENDED", "CLOSED", "MERGED").contains(v.toUpperCase(Locale.ROOT))) {
                    s = v.toUpperCase(Locale.ROOT);
                }
                if (s == null) {
                    throw new IllegalArgumentException("状态应为 在营/停产/注销/被兼并 / status must be 在营, 停产, 注销 or 被兼并");
                }
                yield s;
            }
            case FLAGS -> {
                List<String> flags = new ArrayList<>();
                for (String f : v.split("[;；,，、|]")) {
                    String t = f.strip();
                    if (!t.isEmpty()) {
                        if (t.length() > 30) {
                            throw new IllegalArgumentException("标志过长：" + t + " / flag too long");
                        }
                        flags.add("\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
                    }
                }
                yield "{" + String.join(",", flags) + "}";
            }
            case EVENT_TYPE -> {
                String t = EVENT_TYPES.get(v);
                if (t == null && EVENT_TYPES.containsValue(v.toUpperCase(Locale.ROOT))) {
                    t = v.toUpperCase(Locale.ROOT);
                }
                if (t == null) {
                    throw new IllegalArgumentException("事件类型应为 重大安全事故/环保处罚/失信/其他 / event type must be one of 重大安全事故, 环保处罚, 失信, 其他");
                }
                yield t;
            }
            case GEOJSON -> geojson(v);
        };
    }

    private void crossChecks(String[] values, List<Problem> problems) {
        if (energyTypeAt >= 0 && unitAt >= 0) {
            String t = values[energyTypeAt];
            String u = values[unitAt];
            if (t != null && u != null) {
                try {
                    EnergyType.valueOf(t).toBase(BigDecimal.ONE, u);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(spec.columns().get(unitAt).header(), u, e.getMessage()));
                }
            }
        }
        if (startYearAt >= 0 && endYearAt >= 0) {
            String s = values[startYearAt];
            String e = values[endYearAt];
            if (s != null && e != null && Integer.parseInt(e) < Integer.parseInt(s)) {
                problems.add(new Problem(spec.columns().get(endYearAt).header(), e, "截止年度早于起始年度 / the last year is before the first year"));
            }
        }
        if (lessorAt >= 0 && lesseeAt >= 0) {
            String a = values[lessorAt];
            if (a != null && a.equals(values[lesseeAt])) {
                problems.add(new Problem(spec.columns().get(lesseeAt).header(), a, "出租方与承租方不能相同 / lessor and lessee must differ"));
            }
        }
    }

    /** Position of a template column in {@code spec.columns()}, or -1: looked up once, not per row. */
    private static int at(DatasetSpec spec, String code) {
        return spec.column(code).map(spec.columns()::indexOf).orElse(-1);
    }

    private static int integer(String v, String what) {
        try {
            BigDecimal d = new BigDecimal(v.strip());
            return d.intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("应为整数 / must be a whole number");
        }
    }

    static BigDecimal decimal(String v) {
        String s = v.replace(",", "").replace("，", "").strip();
        try {
            BigDecimal d = new BigDecimal(s);
            if (d.scale() > 6) {
                d = d.setScale(6, java.math.RoundingMode.HALF_UP);
            }
            return d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("不是有效数字 / not a number");
        }
    }

    static LocalDate date(String v) {
        String s = v.strip();
        if (s.matches("\\d{5}(\\.0+)?")) { // Excel serial date
            return LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(s));
        }
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10);
        }
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                LocalDate d = LocalDate.parse(s, f);
                if (d.getYear() < 1949 || d.getYear() > 2100) {
                    throw new IllegalArgumentException("日期超出范围 / date out of range");
                }
                return d;
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new IllegalArgumentException("日期格式应为 yyyy-MM-dd / date must be yyyy-MM-dd");
    }

    /** A Polygon or MultiPolygon in WGS84 longitude/latitude inside China, geometrically valid (JTS). */
    static String geojson(String v) {
        if (v.length() > 1_000_000) {
            throw new IllegalArgumentException("GeoJSON 过大（最多1MB） / GeoJSON too large (at most 1 MB)");
        }
        JsonNode node;
        try {
            node = JSON.readTree(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("不是有效的 GeoJSON / not valid GeoJSON");
        }
        if (node.has("geometry")) {
            node = node.get("geometry");
        }
        if (node.has("crs")) {
            throw new IllegalArgumentException("只接受 WGS84 经纬度坐标，不能指定 crs / only WGS84 longitude/latitude is accepted; remove crs");
        }
        String type = node.path("type").asString("");
        List<Polygon> polygons = new ArrayList<>();
        if (type.equals("Polygon")) {
            polygons.add(polygon(node.get("coordinates")));
        } else if (type.equals("MultiPolygon")) {
            for (JsonNode p : node.get("coordinates")) {
                polygons.add(polygon(p));
            }
        } else {
            throw new IllegalArgumentException("GeoJSON 类型应为 Polygon 或 MultiPolygon / GeoJSON must be a Polygon or MultiPolygon");
        }
        Geometry g = GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        if (!g.isValid()) {
            throw new IllegalArgumentException("地块多边形无效（自相交或环不闭合） / the polygon is invalid (self-intersecting or not closed)");
        }
        return JSON.writeValueAsString(node);
    }

    private static Polygon polygon(JsonNode rings) {
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("GeoJSON 多边形缺少坐标 / polygon has no coordinates");
        }
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (JsonNode ring : rings) {
            List<Coordinate> cs = new ArrayList<>();
            for (JsonNode p : ring) {
                double lon = p.get(0).asDouble(), lat = p.get(1).asDouble();
                if (lon < 73 || lon > 136 || lat < 3 || lat > 54) {
                    throw new IllegalArgumentException("坐标不在中国范围内，须为 WGS84 经纬度（经度73-136，纬度3-54） / coordinates outside China: use WGS84 longitude 73-136, latitude 3-54");
                }
                cs.add(new Coordinate(lon, lat));
            }
            if (cs.size() < 4 || !cs.get(0).equals2D(cs.get(cs.size() - 1))) {
                throw new IllegalArgumentException("多边形的环须闭合且至少4个点 / a polygon ring must be closed with at least 4 points");
            }
            LinearRing r = GEOMETRY.createLinearRing(cs.toArray(Coordinate[]::new));
            if (shell == null) shell = r; else holes.add(r);
        }
        return GEOMETRY.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }
}
