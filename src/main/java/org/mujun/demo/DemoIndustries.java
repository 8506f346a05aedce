package org.mujun.demo;

import java.util.List;
import java.util.Map;

/**
 * The demo's industrial structure: GB/T 4754-2017 divisions with a Zhejiang-like share of
 * enterprises (manufacturing dominates: 通用设备, 电气机械, 橡胶塑料, 金属制品 …), the words their
 * firms put in their names, and the economic shape of each industry: output per 亩 relative to the
 * average, value-added ratio, tax burden on value added, electricity and fuel intensity and the
 * fuels used, and pollutant factors. Magnitudes are rough public orders of size, chosen so that the
 * aggregates land where SPEC §5 expects (规上 亩均税收 about 20–25 万元/亩, 亩均增加值 100–140).
 */
final class DemoIndustries {

    /** Fuel order in {@link Division#fuelShares}: 原煤, 天然气, 柴油, 蒸汽, 热力. */
    static final String[] FUEL_TYPES = {"RAW_COAL", "NATURAL_GAS", "DIESEL", "STEAM", "HEAT"};
    static final String[] FUEL_UNITS = {"t", "m3", "t", "t", "GJ"};
    /** tce per unit of {@link #FUEL_UNITS} (GB/T 2589-2020 as in the shipped coefficient table V55). */
    static final double[] TCE_PER_UNIT = {0.7143, 1.2143e-3, 1.4571, 0.128291, 0.03412};
    /** tce per kWh (当量值 0.1229 kgce/kWh). */
    static final double TCE_PER_KWH = 0.1229e-3;

    /** A name word with the industry code it implies (a class code where the word pins one down). */
    record Word(String text, String code) { }

    /**
     * @param share         enterprises per 100 in a typical Zhejiang county
     * @param output        output per 亩 relative to the average
     * @param vaRatio       工业增加值 / 工业总产值
     * @param tax           tax burden on value added relative to the average
     * @param kwhPerWan     electricity per 万元 output (kWh)
     * @param fuelTcePerWan other energy per 万元 output (tce)
     * @param fuelShares    split of the other energy over {@link #FUEL_TYPES}
     * @param emissions     COD, 氨氮, SO₂, NOx per 万元 output (t), null for non-polluters
     * @param polluters     share of the division's firms that hold a discharge permit (have emission data)
     */
    record Division(String code, double share, List<Word> words, double output, double vaRatio, double tax,
                    double kwhPerWan, double fuelTcePerWan, double[] fuelShares, double[] emissions, double polluters) {

        boolean energyIntensive() {
            return List.of("C25", "C26", "C30", "C31", "C32", "D44").contains(code);
        }
    }

    private static List<Word> words(String code, String... texts) {
        return java.util.Arrays.stream(texts).map(t -> {
            int bar = t.indexOf('|');
            return bar < 0 ? new Word(t, code) : new Word(t.substring(0, bar), t.substring(bar + 1));
        }).toList();
    }

    private static double[] f(double... v) {
        return v;
    }

    private static Division d(String code, double share, String words, double output, double va, double tax, double kwh,
                              double fuel, double[] fuels, double[] emissions, double polluters) {
        return new Division(code, share, words(code, words.split(",")), output, va, tax, kwh, fuel, fuels, emissions, polluters);
    }

    static final List<Division> MANUFACTURING = List.of(
            d("B10", 0.4, "矿业,石料", 0.6, 0.35, 1.2, 400, 0.10, f(0, 0, 1, 0, 0), f(0, 0, 2e-4, 5e-4), 0.5),
            d("C13", 1.5, "粮油,饲料,农产品", 1.1, 0.20, 0.8, 200, 0.05, f(0, .5, .1, .4, 0), f(8e-4, 8e-5, 5e-5, 1e-4), 0.6),
            d("C14", 1.0, "食品,调味品,食品科技", 0.9, 0.25, 1.0, 220, 0.05, f(0, .6, .1, .3, 0), f(8e-4, 8e-5, 5e-5, 1e-4), 0.6),
            d("C15", 0.6, "茶业,酒业,饮料", 0.9, 0.35, 1.6, 200, 0.05, f(0, .6, .1, .3, 0), f(1e-3, 1e-4, 5e-5, 1e-4), 0.6),
            d("C17", 6.0, "纺织,织造,印染,针纺", 0.85, 0.22, 0.8, 700, 0.12, f(.05, .25, .05, .65, 0), f(2e-3, 2e-4, 1e-4, 3e-4), 0.8),
            d("C18", 3.0, "服饰,制衣,服装", 0.7, 0.25, 0.9, 150, 0.01, f(0, .5, .5, 0, 0), null, 0),
            d("C19", 2.0, "鞋业,皮革", 0.7, 0.24, 0.9, 150, 0.01, f(0, .4, .6, 0, 0), f(2e-4, 2e-5, 0, 5e-5), 0.2),
            d("C20", 1.0, "木业,竹木制品", 0.6, 0.22, 0.8, 250, 0.02, f(0, .3, .7, 0, 0), null, 0),
            d("C21", 2.0, "家具,家居", 0.7, 0.24, 0.9, 180, 0.01, f(0, .5, .5, 0, 0), null, 0),
            d("C22", 1.5, "纸业,包装材料", 0.9, 0.22, 0.8, 600, 0.20, f(.3, .1, 0, .6, 0), f(3e-3, 2e-4, 5e-4, 6e-4), 0.9),
            d("C23", 1.0, "印刷,彩印", 0.8, 0.28, 0.9, 200, 0.01, f(0, .8, .2, 0, 0), null, 0),
            d("C24", 3.0, "工艺品,休闲用品,体育用品,文具", 0.7, 0.24, 0.9, 160, 0.01, f(0, .5, .5, 0, 0), null, 0),
            d("C25", 0.2, "能源,燃料", 1.8, 0.15, 2.0, 300, 0.50, f(.6, .4, 0, 0, 0), f(5e-4, 5e-5, 2e-3, 2e-3), 1),
            d("C26", 4.0, "化工,新材料,涂料,精细化工", 1.3, 0.24, 1.2, 600, 0.15, f(.1, .35, .05, .5, 0), f(8e-4, 1e-4, 3e-4, 5e-4), 0.9),
            d("C27", 2.0, "药业,制药,生物医药", 1.2, 0.33, 1.2, 350, 0.08, f(0, .3, 0, .7, 0), f(1e-3, 1e-4, 1e-4, 2e-4), 0.9),
            d("C28", 1.0, "化纤,纤维", 1.3, 0.18, 0.8, 900, 0.12, f(0, .2, 0, .8, 0), f(5e-4, 5e-5, 1e-4, 3e-4), 0.8),
            d("C29", 8.0, "塑业,塑料制品,橡胶,橡塑", 1.0, 0.22, 1.0, 500, 0.03, f(0, .6, .4, 0, 0), f(2e-4, 2e-5, 3e-5, 1e-4), 0.3),
            d("C30", 4.0, "建材,新型建材,陶瓷,水泥|C3011,玻璃|C3041", 0.8, 0.28, 1.0, 1000, 0.35, f(.5, .45, .05, 0, 0), f(0, 0, 2e-3, 6e-3), 0.9),
            d("C31", 1.0, "钢铁,特钢,钢业", 2.0, 0.15, 0.7, 1500, 0.25, f(.3, .6, .1, 0, 0), f(0, 0, 1e-3, 2e-3), 1),
            d("C32", 1.5, "铜业,铝业,有色金属", 1.8, 0.14, 0.8, 1200, 0.08, f(0, .9, .1, 0, 0), f(0, 0, 5e-4, 5e-4), 0.8),
            d("C33", 8.0, "五金,金属制品,不锈钢制品,铸造|C3391,精密铸造|C3392", 0.9, 0.24, 1.0, 400, 0.05, f(0, .8, .2, 0, 0), f(2e-4, 2e-5, 1e-4, 2e-4), 0.35),
            d("C34", 12.0, "机械,泵业,阀门,轴承,机电,传动设备", 0.9, 0.26, 1.0, 220, 0.02, f(0, .4, .6, 0, 0), null, 0),
            d("C35", 6.0, "模具,机械设备,医疗器械,眼镜,智能装备", 0.9, 0.27, 1.0, 220, 0.02, f(0, .4, .6, 0, 0), null, 0),
            d("C36", 5.0, "汽车零部件,汽配,车业", 1.1, 0.22, 1.1, 250, 0.03, f(0, .6, .4, 0, 0), f(1e-4, 1e-5, 2e-5, 1e-4), 0.3),
            d("C37", 1.5, "船舶,摩托车,电动车", 1.0, 0.22, 1.0, 250, 0.03, f(0, .5, .5, 0, 0), null, 0),
            d("C38", 9.0, "电器,电机,电气,电池,照明", 1.2, 0.22, 1.1, 300, 0.02, f(0, .5, .5, 0, 0), f(1e-4, 1e-5, 0, 5e-5), 0.2),
            d("C39", 3.0, "电子,光电,电子科技", 1.4, 0.20, 0.8, 300, 0.01, f(0, .6, .4, 0, 0), null, 0),
            d("C40", 2.0, "仪器仪表,仪表", 1.0, 0.30, 1.2, 180, 0.01, f(0, .5, .5, 0, 0), null, 0),
            d("C41", 1.0, "日用品,日用制品", 0.7, 0.22, 0.9, 200, 0.01, f(0, .5, .5, 0, 0), null, 0),
            d("C42", 0.6, "再生资源,资源回收", 1.0, 0.12, 0.6, 300, 0.03, f(0, .3, .7, 0, 0), f(2e-4, 2e-5, 1e-4, 2e-4), 0.5),
            d("C43", 0.4, "设备修理,机械维修", 0.7, 0.30, 1.0, 200, 0.01, f(0, .5, .5, 0, 0), null, 0));

    /** The handful of utilities per county (公用事业): 热电联产, 燃气, 自来水, 污水处理. */
    static final List<Division> UTILITIES = List.of(
            d("D44", 0, "热电|D4412", 2.5, 0.30, 1.0, 600, 2.0, f(.9, .1, 0, 0, 0), f(1e-4, 1e-5, 1e-3, 2e-3), 1),
            d("D45", 0, "燃气|D45", 3.0, 0.15, 1.0, 50, 0, f(0, 0, 0, 0, 0), null, 0),
            d("D46", 0, "水务|D46", 0.3, 0.50, 0.6, 2500, 0, f(0, 0, 0, 0, 0), null, 0),
            d("D46", 0, "污水处理|D46", 0.3, 0.50, 0.6, 2500, 0, f(0, 0, 0, 0, 0), f(1e-3, 1e-4, 0, 0), 1));

    /**
     * Specialities of the three default counties (multipliers on {@link Division#share}): 临海's
     * 医化, 汽车 and 休闲用品; 黄岩's 模具 and 塑料; 长兴's 蓄电池, 纺织 and 建材.
     */
    static final Map<String, Map<String, Double>> SPECIALITIES = Map.of(
            "331082", Map.of("C27", 2.0, "C26", 1.5, "C36", 2.5, "C24", 2.0, "C34", 1.3, "C38", 1.2, "C35", 1.3),
            "331003", Map.of("C29", 3.0, "C35", 2.5, "C27", 2.0, "C24", 1.5, "C36", 1.5),
            "330522", Map.of("C38", 3.0, "C17", 3.0, "C30", 3.0, "C28", 2.0, "C31", 1.5, "C26", 1.2));

    /** Themes of the 特色小镇 of the default counties; other counties draw from {@link #TOWN_THEMES}. */
    static final Map<String, String> TOWN_THEME = Map.of("331082", "汽车", "331003", "模具", "330522", "新能源");
    static final String[] TOWN_THEMES = {"智能装备", "新材料", "数字经济", "时尚", "生物医药", "绿色能源", "智能制造", "电气"};

    /** 字号 characters: two of them (never the same twice) name a firm. */
    static final String ALL_CHARS = "华鑫宏盛达恒利源丰泰兴隆永金新远通明伟瑞佳嘉荣昌富宇海天正东星顺信德诚百万精科创凯骏豪博联安康立力益和元鸿峰腾越卓晟祥福辉光";

    private DemoIndustries() {
    }

    static double[] shares(String countyCode) {
        Map<String, Double> special = SPECIALITIES.getOrDefault(countyCode, Map.of());
        double[] w = new double[MANUFACTURING.size()];
        for (int i = 0; i < w.length; i++) {
            Division d = MANUFACTURING.get(i);
            w[i] = d.share() * special.getOrDefault(d.code(), 1.0);
        }
        return w;
    }
}
