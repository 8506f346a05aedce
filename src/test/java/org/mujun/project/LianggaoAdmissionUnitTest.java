package org.mujun.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mujun.common.IndustryCode;
import org.mujun.common.Tce;
import org.mujun.common.WanYuan;
import org.mujun.project.LianggaoAdmission.Application;
import org.mujun.project.LianggaoAdmission.Capacity;
import org.mujun.project.LianggaoAdmission.Decision;
import org.mujun.project.LianggaoAdmission.Verdict;

/** 两高 admission at the 0.52 tce/万元 standard and the capacity-replacement ratios. */
class LianggaoAdmissionUnitTest {

    /** The 两高 set as shipped in V1_1 (LIANGGAO members). */
    static final List<String> LIANGGAO = List.of("D4411", "C251", "C26", "C31", "C32", "C3011", "C3041", "C28", "C3391", "C3392");
    static final LianggaoAdmission DEFAULTS = LianggaoAdmission.defaults();

    static Application app(String industry, String tce, String output, Capacity capacity) {
        return new Application("项目", IndustryCode.of(industry), new Tce(new BigDecimal(tce)), WanYuan.of(output), capacity);
    }

    static Capacity capacity(String added, String replaced) {
        return new Capacity(new BigDecimal(added), new BigDecimal(replaced), "万吨/年");
    }

    @Test
    void exactlyAtTheStandardIsAdmitted() {
        // 520 tce ÷ 1,000 万元 = 0.52 tce/万元 = the standard → admit; C2614 is 化工 (C26): a 两高 project
        Decision d = DEFAULTS.decide(app("C2614", "520", "1000", null), LIANGGAO);
        assertThat(d.verdict()).isEqualTo(Verdict.ADMIT);
        assertThat(d.intensity()).isEqualByComparingTo("0.52");
        assertThat(d.maxIntensity()).isEqualByComparingTo("0.52");
        assertThat(d.standardPrefix()).isNull();
        assertThat(d.lianggao()).isTrue();
        assertThat(d.reasons()).isEmpty();
    }

    @Test
    void aHairAboveIsRejectedEvenWhenItRoundsToTheStandard() {
        // 520.01 ÷ 1,000 = 0.52001, shown as 0.5200, but 520.01 > 0.52 × 1,000 = 520: reject
        Decision d = DEFAULTS.decide(app("C2614", "520.01", "1000", null), LIANGGAO);
        assertThat(d.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(d.intensity()).isEqualByComparingTo("0.5200");
        assertThat(d.reasons()).singleElement().asString()
                .contains("单位能耗 0.5200 tce/万元（520.01 tce ÷ 1000 万元）高于准入标准 0.52 tce/万元").contains("is above the standard");
    }

    @Test
    void theLongestIndustryPrefixWins() {
        // C26 0.8, C2614 0.6: a C2614 project at 700 ÷ 1,000 = 0.7 fails its own 0.6; a C2611 project passes C26's 0.8
        LianggaoAdmission rules = new LianggaoAdmission(new BigDecimal("0.52"),
                Map.of("C26", new BigDecimal("0.8"), "C2614", new BigDecimal("0.6")), Map.of());
        Decision specific = rules.decide(app("C2614", "700", "1000", null), LIANGGAO);
        assertThat(specific.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(specific.standardPrefix()).isEqualTo("C2614");
        assertThat(specific.maxIntensity()).isEqualByComparingTo("0.6");
        Decision general = rules.decide(app("C2611", "700", "1000", null), LIANGGAO);
        assertThat(general.verdict()).isEqualTo(Verdict.ADMIT);
        assertThat(general.standardPrefix()).isEqualTo("C26");
        // an industry with no value of its own uses the default 0.52: 700 ÷ 1,000 = 0.7 > 0.52
        Decision other = rules.decide(app("C3911", "700", "1000", null), LIANGGAO);
        assertThat(other.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(other.standardPrefix()).isNull();
        assertThat(other.lianggao()).isFalse();
    }

    @Test
    void cementNeedsOneAndAHalfTimesItsCapacityReplaced() {
        // 水泥熟料 C3011, ratio 1.5: new 100 万吨 needs 1.5 × 100 = 150 万吨 retired; 150 is enough
        Decision ok = DEFAULTS.decide(app("C3011", "400", "1000", capacity("100", "150")), LIANGGAO);
        assertThat(ok.verdict()).isEqualTo(Verdict.ADMIT);
        assertThat(ok.requiredReplacementRatio()).isEqualByComparingTo("1.5");
        assertThat(ok.requiredReplacedCapacity()).isEqualByComparingTo("150");
        // 149.99 is not
        Decision shortBy = DEFAULTS.decide(app("C3011", "400", "1000", capacity("100", "149.99")), LIANGGAO);
        assertThat(shortBy.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(shortBy.reasons()).singleElement().asString().contains("置换产能 149.99万吨/年 少于 1.5 × 新增产能 100万吨/年 = 150.0万吨/年");
        // no replacement plan at all
        Decision none = DEFAULTS.decide(app("C3011", "400", "1000", null), LIANGGAO);
        assertThat(none.reasons()).singleElement().asString().contains("未提供置换方案").contains("no replacement was given");
    }

    @Test
    void ratiosAreDataAndPrefixesAreNormalised() {
        // a county applying 1.25:1 to steel (written "31" without the section letter): new 200 needs 250
        LianggaoAdmission rules = new LianggaoAdmission(new BigDecimal("0.52"), Map.of(), Map.of("31", new BigDecimal("1.25")));
        assertThat(rules.replacementRatioByIndustry()).containsKey("C31");
        assertThat(rules.decide(app("C3120", "100", "1000", capacity("200", "250")), LIANGGAO).verdict()).isEqualTo(Verdict.ADMIT);
        assertThat(rules.decide(app("C3120", "100", "1000", capacity("200", "249")), LIANGGAO).verdict()).isEqualTo(Verdict.REJECT);
        // industries without a ratio need no replacement
        assertThat(rules.decide(app("C2614", "100", "1000", null), LIANGGAO).requiredReplacementRatio()).isNull();
    }

    @Test
    void everyReasonIsListed() {
        // steel at 0.6 tce/万元 with too little replacement: two reasons
        Decision d = DEFAULTS.decide(app("C3120", "600", "1000", capacity("100", "100")), LIANGGAO);
        assertThat(d.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(d.reasons()).hasSize(2);
        assertThat(d.admitted()).isFalse();
    }

    @Test
    void zeroOutputCannotBeJudged() {
        Decision d = DEFAULTS.decide(app("C3911", "10", "0", null), LIANGGAO);
        assertThat(d.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(d.intensity()).isNull();
        assertThat(d.reasons()).singleElement().asString().contains("产出为零");
    }

    @Test
    void badRulesAreRefused() {
        assertThatThrownBy(() -> new LianggaoAdmission(BigDecimal.ZERO, Map.of(), Map.of())).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new LianggaoAdmission(BigDecimal.ONE, Map.of("X9", BigDecimal.ONE), Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LianggaoAdmission(BigDecimal.ONE, Map.of("C26", BigDecimal.ZERO), Map.of())).hasMessageContaining("must be positive");
    }
}
