package org.mujun.ingest;

import static org.mujun.ingest.Column.Kind.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mujun.common.DatasetType;

/**
 * The published template of each data set (SPEC §3) and where it lands: target table, key, the
 * columns naming enterprises that must exist in master data, and the column giving the year.
 * All identifiers here are constants of the code, never user input.
 */
public record DatasetSpec(DatasetType type, String table, List<Column> columns, List<String> enterpriseColumns,
                   String scopeEnterpriseColumn, String yearExpression, String usccColumn) {

    private static final String MAX_WAN = "100000000"; // 1 万亿元 in 万元: nothing legitimate is larger

    static final Map<DatasetType, DatasetSpec> ALL = new EnumMap<>(DatasetType.class);

    static {
        Column uscc = Column.of("uscc", "统一社会信用代码", "USCC", null, USCC).asKey();
        Column year = Column.of("year", "年度", "Year", null, YEAR).asKey();
        add(new DatasetSpec(DatasetType.TAX, "tax_record", List.of(uscc, year,
                Column.of("total_tax", "实缴税金合计", "Total tax paid", "万元", DECIMAL).asRequired().withMax(MAX_WAN),
                Column.of("vat", "增值税", "VAT", "万元", DECIMAL).withMax(MAX_WAN),
                Column.of("corporate_income_tax", "企业所得税", "Corporate income tax", "万元", DECIMAL).withMax(MAX_WAN),
                Column.of("other_tax", "其他税费", "Other taxes", "万元", DECIMAL).withMax(MAX_WAN),
                Column.of("refund", "退税", "Tax refund", "万元", DECIMAL).withMax(MAX_WAN)),
                List.of("uscc"), "uscc", "s.year", "uscc"));
        add(new DatasetSpec(DatasetType.STATS, "stats_record", List.of(uscc, year,
                Column.of("revenue", "营业收入", "Revenue", "万元", DECIMAL).withMax(MAX_WAN),
                Column.of("gross_output", "工业总产值", "Gross industrial output", "万元", DECIMAL).withMax(MAX_WAN),
                Column.of("value_added", "工业增加值", "Industrial value added", "万元", DECIMAL).withMax(MAX_WAN),
                Column.of("employees", "年平均职工人数", "Average employees", "人", DECIMAL).withMax("1000000"),
                Column.of("rnd_expense", "R&D经费支出", "R&D expenditure", "万元", DECIMAL).withMax(MAX_WAN),
                Column.of("above_scale", "是否规上", "Above designated size", "是/否", BOOL),
                Column.of("fixed_asset_investment", "固定资产投资", "Fixed-asset investment", "万元", DECIMAL).withMax(MAX_WAN)),
                List.of("uscc"), "uscc", "s.year", "uscc"));
        add(new DatasetSpec(DatasetType.ELECTRICITY, "electricity_record", List.of(uscc, year,
                Column.of("month", "月份", "Month", "0=全年", MONTH).asKey(),
                Column.of("kwh", "用电量", "Electricity use", "kWh", DECIMAL).asRequired().withMax("1000000000000")),
                List.of("uscc"), "uscc", "s.year", "uscc"));
        add(new DatasetSpec(DatasetType.ENERGY, "energy_record", List.of(uscc, year,
                Column.of("energy_type", "能源品种", "Energy type", null, ENERGY_TYPE).asKey(),
                Column.of("quantity", "消费量", "Quantity", null, DECIMAL).asRequired().withMax("1000000000000"),
                Column.of("unit", "计量单位", "Unit", null, ENERGY_UNIT).asRequired()),
                List.of("uscc"), "uscc", "s.year", "uscc"));
        add(new DatasetSpec(DatasetType.EMISSIONS, "emission_record", List.of(uscc, year,
                Column.of("cod", "化学需氧量COD", "COD", "t", DECIMAL).withMax("10000000"),
                Column.of("ammonia_nitrogen", "氨氮", "Ammonia nitrogen", "t", DECIMAL).withMax("10000000"),
                Column.of("so2", "二氧化硫", "SO2", "t", DECIMAL).withMax("10000000"),
                Column.of("nox", "氮氧化物", "NOx", "t", DECIMAL).withMax("10000000")),
                List.of("uscc"), "uscc", "s.year", "uscc"));
        add(new DatasetSpec(DatasetType.EVENTS, "event_record", List.of(uscc,
                Column.of("event_date", "日期", "Date", null, DATE).asKey(),
                Column.of("event_type", "事件类型", "Event type", null, EVENT_TYPE).asKey(),
                Column.of("description", "说明", "Description", null, TEXT)),
                List.of("uscc"), "uscc", "extract(year from s.event_date)::int", "uscc"));
        add(new DatasetSpec(DatasetType.ENTERPRISE, "enterprise", List.of(uscc,
                Column.of("name", "企业名称", "Name", null, TEXT).asRequired(),
                Column.of("region_code", "所在乡镇街道代码", "Town code", null, TOWN).asRequired(),
                Column.of("industry_code", "行业代码", "Industry code (GB/T 4754)", null, INDUSTRY).asRequired(),
                Column.of("size_class", "规模", "Size", "规上/规下", SIZE).asRequired(),
                Column.of("status", "状态", "Status", "在营/停产/注销/被兼并", STATUS),
                Column.of("registered_on", "成立日期", "Registration date", null, DATE),
                Column.of("flags", "标志", "Flags", "分号分隔", FLAGS).into("flags", "coalesce(s.flags, cast('{}' as text[]))")),
                List.of(), null, null, "uscc"));
        add(new DatasetSpec(DatasetType.LAND, "parcel", List.of(
                Column.of("certificate_no", "不动产权证号", "Certificate no.", null, TEXT).asKey(),
                Column.of("owner_uscc", "权利人统一社会信用代码", "Owner USCC", null, USCC),
                Column.of("region_code", "所在乡镇街道代码", "Town code", null, TOWN).asRequired(),
                Column.of("area_m2", "面积", "Area", "平方米", DECIMAL).asRequired().withMax("100000000"),
                Column.of("land_use", "用途", "Land use", null, TEXT),
                Column.of("standard_land", "标准地", "Standard land", "是/否", BOOL).into("standard_land", "coalesce(s.standard_land, false)"),
                Column.of("transfer_date", "出让日期", "Transfer date", null, DATE),
                Column.of("transfer_price_wan", "出让价格", "Transfer price", "万元", DECIMAL).withMax(MAX_WAN),
                Column.of("geojson", "地块范围GeoJSON", "Boundary GeoJSON", null, GEOJSON)),
                List.of("owner_uscc"), null, null, "owner_uscc"));
        add(new DatasetSpec(DatasetType.LEASE, "lease", List.of(
                Column.of("lessor_uscc", "出租方统一社会信用代码", "Lessor USCC", null, USCC).asKey(),
                Column.of("lessee_uscc", "承租方统一社会信用代码", "Lessee USCC", null, USCC).asKey(),
                Column.of("start_year", "起始年度", "First year", null, YEAR).asKey(),
                Column.of("end_year", "截止年度", "Last year", null, YEAR).asRequired(),
                Column.of("area_m2", "租赁面积", "Leased area", "平方米", DECIMAL).asRequired().withMax("100000000"),
                Column.of("certificate_no", "不动产权证号", "Certificate no.", null, TEXT)
                        .into("parcel_id", "(select p.id from parcel p where p.certificate_no = s.certificate_no)")),
                List.of("lessor_uscc", "lessee_uscc"), "lessor_uscc", "s.start_year", "lessor_uscc"));
    }

    private static void add(DatasetSpec spec) {
        ALL.put(spec.type(), spec);
    }

    static DatasetSpec of(DatasetType type) {
        return ALL.get(type);
    }

    List<Column> keyColumns() {
        return columns.stream().filter(Column::key).toList();
    }

    List<Column> valueColumns() {
        return columns.stream().filter(c -> !c.key()).toList();
    }

    Optional<Column> column(String code) {
        return columns.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
