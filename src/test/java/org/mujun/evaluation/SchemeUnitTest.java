package org.mujun.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mujun.evaluation.Scheme.Adjustment;
import org.mujun.evaluation.Scheme.Benchmark;
import org.mujun.evaluation.Scheme.ClassRule;
import org.mujun.evaluation.Scheme.Indicator;
import org.mujun.evaluation.Scheme.IndustryGroup;
import org.mujun.evaluation.Scheme.Population;
import org.mujun.evaluation.Scheme.ScoringMethod;
import org.mujun.evaluation.SchemeFiles.SchemeFormatException;

/** The default scheme, validation messages, and JSON/YAML files. */
class SchemeUnitTest {

    @Test
    void defaultSchemeIsTheSpecsAndValid() {
        Scheme s = Scheme.defaultScheme("331003", 2022);
        assertThat(SchemeValidation.validate(s)).isEmpty();
        Population above = s.population(PopulationKind.ABOVE);
        assertThat(above.indicators()).extracting(Indicator::kind, Indicator::weight).containsExactly(
                org.assertj.core.groups.Tuple.tuple(IndicatorKind.TAX_PER_MU, 30.0),
                org.assertj.core.groups.Tuple.tuple(IndicatorKind.VALUE_ADDED_PER_MU, 20.0),
                org.assertj.core.groups.Tuple.tuple(IndicatorKind.VALUE_ADDED_PER_TCE, 20.0),
                org.assertj.core.groups.Tuple.tuple(IndicatorKind.VALUE_ADDED_PER_EMISSION, 10.0),
                org.assertj.core.groups.Tuple.tuple(IndicatorKind.LABOUR_PRODUCTIVITY, 10.0),
                org.assertj.core.groups.Tuple.tuple(IndicatorKind.RND_SHARE, 10.0));
        assertThat(above.indicators()).allSatisfy(i -> {
            assertThat(i.benchmark()).isEqualTo(Benchmark.POPULATION);
            assertThat(i.cap()).isNull();
            assertThat(i.averageIfMissing()).isEqualTo(i.kind() == IndicatorKind.VALUE_ADDED_PER_TCE || i.kind() == IndicatorKind.VALUE_ADDED_PER_EMISSION);
        });
        assertThat(above.classRule().shares()).isEqualTo(new Scheme.Shares(20, 60, 15, 5));
        Population below = s.population(PopulationKind.BELOW);
        assertThat(below.indicators()).extracting(Indicator::kind).containsExactly(IndicatorKind.TAX_PER_MU, IndicatorKind.TAX_PER_KWH);
        assertThat(below.classRule().shares()).isEqualTo(new Scheme.Shares(5, 70, 20, 5));
        // 规下 tenants: 2nd −10, 3rd −5: with 3 tenants −15
        assertThat(Scoring.adjustment(below.adjustments().get(0), 3, false)).isEqualTo(-15);
        assertThat(Scoring.adjustment(below.adjustments().get(0), 1, false)).isEqualTo(0);
        assertThat(Scoring.adjustment(above.adjustments().get(0), 4, false)).isEqualTo(-15);
        assertThat(Scoring.adjustment(Adjustment.flag("高新技术", 3, "高新技术企业"), 0, true)).isEqualTo(3);
    }

    @Test
    void validationNamesTheFieldInBothLanguages() {
        Scheme s = Scheme.defaultScheme("331003", 2022);
        Population above = s.population(PopulationKind.ABOVE);
        List<Indicator> inds = new java.util.ArrayList<>(above.indicators());
        inds.set(2, new Indicator(IndicatorKind.VALUE_ADDED_PER_TCE, -20.0, Benchmark.INDUSTRY_GROUP, 0.0, true, ScoringMethod.RATIO));
        inds.set(3, Indicator.of(IndicatorKind.TAX_PER_MU, 10));
        inds.set(4, Indicator.of(IndicatorKind.LABOUR_PRODUCTIVITY, 10).withMethod(ScoringMethod.MIN_MAX).withCap(2.0));
        inds.set(5, new Indicator(null, 10.0, Benchmark.fixed(0), null, false, null));
        Population bad = new Population(PopulationKind.ABOVE, inds, List.of(new Adjustment(Scheme.AdjustmentKind.FLAG, null, 3.0, null, null, "")),
                new ClassRule(Scheme.ClassMethod.RANK_SHARES, new Scheme.Shares(30, 60, 15, 5), null, true, false));
        Population thresholds = s.population(PopulationKind.BELOW).withClassRule(ClassRule.thresholds(60, 80, 40));
        Scheme b = new Scheme("33100", 1999, "x", List.of(bad, thresholds, thresholds), List.of(new IndustryGroup("其他", List.of("C2x"))),
                null, List.of(new Scheme.VetoRule("OTHER", null), new Scheme.VetoRule("OTHER", Scheme.VetoEffect.TO_D)),
                List.of(new Scheme.IncentiveRule(0, Scheme.IncentiveEffect.NEVER_D)), false, null);
        List<String> m = SchemeValidation.validate(b).stream().map(Problem::message).toList();
        assertThat(m).contains(
                "region: 行政区划代码应为2、4、6或9位数字 / region must be a code of 2, 4, 6 or 9 digits",
                "year: 评价年度应在2000至2100之间 / year must be between 2000 and 2100",
                "populations[0].indicators[2].weight: 权重须为非负数 / weight must be ≥ 0",
                "populations[0].indicators[2].cap: 封顶倍数须为正数 / cap must be > 0",
                "populations[0].indicators[3].kind: 指标重复：亩均税收 / indicator repeated: TAX_PER_MU",
                "populations[0].indicators[4].cap: 封顶只适用于比值法 / a cap applies to the ratio method only",
                "populations[0].indicators[5].kind: 未知指标类型 / unknown indicator kind",
                "populations[0].indicators[5].benchmark.value: 固定基准值须为正数 / a fixed benchmark must be > 0",
                "populations[0].adjustments[0].flag: 须填写企业标志（如 高新技术） / a flag is required (e.g. 高新技术)",
                "populations[0].classRule.shares: 各类比例合计不得超过100，现为110 / shares must sum to at most 100, they sum to 110",
                "populations[1].classRule.thresholds: 分数线须从A到C递减 / thresholds must descend from A to C",
                "populations[2].kind: 评价对象重复：规下企业（用地3亩及以上） / population repeated: BELOW",
                "industryGroups[0].name: “其他”为保留名称 / \"其他\" is reserved",
                "industryGroups[0].industries[0]: 行业代码应为门类字母加0至4位数字（如C26） / industry code must be a section letter with 0-4 digits (e.g. C26)",
                "vetoes[0].effect: 须选择否决结果（TO_D 或 AT_MOST_C） / effect is required (TO_D or AT_MOST_C)",
                "vetoes[1].eventType: 事件类型重复：OTHER / event type repeated: OTHER",
                "incentives[0].minInvestmentWan: 投资额门槛须为正数（万元） / investment threshold must be a positive amount (万元)");
        // the weight sum is reported when every weight is readable
        Scheme w = s.withPopulations(List.of(above.withIndicators(List.of(Indicator.of(IndicatorKind.TAX_PER_MU, 60), Indicator.of(IndicatorKind.TAX_PER_KWH, 30)))));
        assertThat(SchemeValidation.validate(w)).extracting(Problem::message)
                .containsExactly("populations[0].indicators: 权重合计须为100，现为90 / weights must sum to 100, they sum to 90");
        // no groups defined: group benchmark and within-group classing refused
        Scheme g = s.withPopulations(List.of(above.withIndicators(List.of(Indicator.of(IndicatorKind.TAX_PER_MU, 100).withBenchmark(Benchmark.INDUSTRY_GROUP)))
                .withClassRule(ClassRule.shares(20, 60, 15, 5).withinGroups())));
        assertThat(SchemeValidation.validate(g)).extracting(Problem::path)
                .containsExactly("populations[0].indicators[0].benchmark.type", "populations[0].classRule.withinIndustryGroups");
    }

    @Test
    void jsonAndYamlRoundTrip() {
        Scheme s = Fixtures.scheme().withIndustryGroups(List.of(new IndustryGroup("化工", List.of("C26", "C28"))))
                .withMeasures(new Measures(true, List.of(new Measures.ClassMeasures(EvaluationClass.D,
                        List.of(new Measures.Surcharge(Measures.Utility.ELECTRICITY, 0.3, 0.1, 0.5)), null, -20.0, -10.0),
                        new Measures.ClassMeasures(EvaluationClass.A, List.of(), 50.0, 10.0, null))));
        Population p = s.populations().get(0);
        s = s.withPopulations(List.of(p.withIndicators(List.of(
                Indicator.of(IndicatorKind.TAX_PER_MU, 50).withCap(1.5),
                Indicator.of(IndicatorKind.VALUE_ADDED_PER_MU, 30).withMethod(ScoringMethod.MIN_MAX),
                Indicator.of(IndicatorKind.VALUE_ADDED_PER_EMISSION, 20).averagedIfMissing().withBenchmark(Benchmark.fixed(80))))
                .withAdjustments(List.of(Adjustment.tenants(-10, -5.0, "租户"), Adjustment.flag("高新技术", 2, "高新技术企业")))
                .withClassRule(ClassRule.thresholds(120, 90, 60).notForcingD())));
        String json = SchemeFiles.toJson(s);
        assertThat(SchemeFiles.fromJson(json)).isEqualTo(s);
        String yaml = SchemeFiles.toYaml(s);
        assertThat(SchemeFiles.fromYaml(yaml)).isEqualTo(s);
        assertThat(yaml).contains("kind: TAX_PER_MU").contains("weight: 50.0").contains("region: \"331003\"");
        assertThat(json).doesNotContain("null");
        Scheme d = Scheme.defaultScheme("331003", 2022);
        assertThat(SchemeFiles.fromYaml(SchemeFiles.toYaml(d))).isEqualTo(d);
        assertThat(SchemeFiles.read(SchemeFiles.write(d, SchemeFiles.Format.JSON), SchemeFiles.formatOf("scheme.JSON"))).isEqualTo(d);
    }

    @Test
    void malformedFilesGiveFieldAndLine() {
        String yaml = SchemeFiles.toYaml(Scheme.defaultScheme("331003", 2022));
        // unknown field
        String unknown = yaml.replaceFirst("  weight: 30.0", "  weight: 30.0\n    wieght: 3");
        assertThatThrownBy(() -> SchemeFiles.fromYaml(unknown)).isInstanceOfSatisfying(SchemeFormatException.class, e -> {
            assertThat(e.getMessage()).startsWith("未知字段“wieght”（位于 populations[0].indicators[0].wieght）（第");
            assertThat(e.getMessage()).contains("unknown field \"wieght\"").contains("known fields: averageIfMissing, benchmark, cap, kind, method, weight");
            assertThat(e.line()).isEqualTo(lineOf(unknown, "wieght"));
            assertThat(e.path()).isEqualTo("populations[0].indicators[0].wieght");
        });
        // wrong type
        String wrongType = yaml.replaceFirst("weight: 30.0", "weight: thirty");
        assertThatThrownBy(() -> SchemeFiles.fromYaml(wrongType)).isInstanceOfSatisfying(SchemeFormatException.class, e -> {
            assertThat(e.getMessage()).contains("字段 populations[0].indicators[0].weight 的值“thirty”无效").contains("expected number");
            assertThat(e.line()).isEqualTo(lineOf(wrongType, "thirty"));
        });
        // unknown indicator kind: the allowed names are listed
        String json = SchemeFiles.toJson(Scheme.defaultScheme("331003", 2022)).replaceFirst("\"TAX_PER_MU\"", "\"TAX_PER_HECTARE\"");
        assertThatThrownBy(() -> SchemeFiles.fromJson(json)).isInstanceOfSatisfying(SchemeFormatException.class, e -> {
            assertThat(e.path()).isEqualTo("populations[0].indicators[0].kind");
            assertThat(e.getMessage()).contains("TAX_PER_MU | VALUE_ADDED_PER_MU").contains("TAX_PER_HECTARE");
        });
        // a list where an object belongs
        assertThatThrownBy(() -> SchemeFiles.fromJson("{\"region\": \"331003\", \"year\": 2022, \"exemptions\": [1]}"))
                .isInstanceOfSatisfying(SchemeFormatException.class, e -> {
                    assertThat(e.path()).isEqualTo("exemptions");
                    assertThat(e.getMessage()).contains("类型错误").contains("wrong type");
                });
        // broken syntax
        assertThatThrownBy(() -> SchemeFiles.fromJson("{\"region\": \"331003\",\n \"year\": }"))
                .isInstanceOfSatisfying(SchemeFormatException.class, e -> {
                    assertThat(e.getMessage()).startsWith("文件格式错误（第2行");
                    assertThat(e.line()).isEqualTo(2);
                });
        assertThatThrownBy(() -> SchemeFiles.fromYaml("  ")).hasMessage("方案文件为空 / the scheme file is empty");
        assertThatThrownBy(() -> SchemeFiles.formatOf("scheme.xml")).isInstanceOf(IllegalArgumentException.class);
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return -1;
    }
}
