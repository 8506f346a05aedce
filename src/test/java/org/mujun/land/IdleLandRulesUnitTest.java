package org.mujun.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.mujun.common.WanYuan;
import org.mujun.land.IdleLandRules.Elapsed;
import org.mujun.land.IdleLandRules.Fraction;
import org.mujun.land.IdleLandRules.Parcel;
import org.mujun.land.IdleLandRules.Result;
import org.mujun.land.IdleLandRules.Share;
import org.mujun.land.IdleLandRules.Status;

/**
 * 闲置土地 with exact day boundaries. Land price 800 万元 throughout, so the 闲置费 is
 * 800 × 20 % = 160 万元.
 */
class IdleLandRulesUnitTest {

    static final IdleLandRules RULES = IdleLandRules.defaults();
    static final WanYuan PRICE = WanYuan.of("800");

    static Parcel notStarted(LocalDate agreedStart) {
        return new Parcel(agreedStart, null, null, null, null, PRICE, false);
    }

    static Parcel started(LocalDate agreedStart, LocalDate actualStart, Share developed, Share invested, LocalDate stoppedOn) {
        return new Parcel(agreedStart, actualStart, developed, invested, stoppedOn, PRICE, false);
    }

    static Share share(String part, String whole) {
        return new Share(new BigDecimal(part), new BigDecimal(whole));
    }

    @Test
    void notStartedExactlyOneYearIsNotYetIdle() {
        // agreed start 2023-03-01; one year ends 2024-03-01 — "more than one year" starts 2024-03-02
        Parcel p = notStarted(LocalDate.of(2023, 3, 1));
        Result onAnniversary = RULES.evaluate(p, LocalDate.of(2024, 3, 1));
        assertThat(onAnniversary.status()).isEqualTo(Status.NOT_IDLE);
        assertThat(onAnniversary.idleFrom()).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(onAnniversary.fee().value()).isEqualByComparingTo("0");

        Result dayAfter = RULES.evaluate(p, LocalDate.of(2024, 3, 2));
        assertThat(dayAfter.status()).isEqualTo(Status.IDLE);
        // 闲置费 = 800 万 × 20 % = 160 万
        assertThat(dayAfter.fee().value()).isEqualByComparingTo("160");
        assertThat(dayAfter.reclaimFrom()).isEqualTo(LocalDate.of(2025, 3, 2));
        assertThat(dayAfter.reasons()).anySatisfy(s -> assertThat(s).contains("超过1年").contains("more than 1 year"));
    }

    @Test
    void notStartedExactlyTwoYearsIsIdleOneDayMoreIsReclaim() {
        Parcel p = notStarted(LocalDate.of(2023, 3, 1));
        Result twoYears = RULES.evaluate(p, LocalDate.of(2025, 3, 1));
        assertThat(twoYears.status()).isEqualTo(Status.IDLE);
        Result dayAfter = RULES.evaluate(p, LocalDate.of(2025, 3, 2));
        assertThat(dayAfter.status()).isEqualTo(Status.RECLAIM_CANDIDATE);
        assertThat(dayAfter.fee().value()).isEqualByComparingTo("160");
        assertThat(dayAfter.reasons()).anySatisfy(s -> assertThat(s).contains("无偿收回"));
    }

    @Test
    void leapDayAgreedStartEndsOnTheLastDayOfFebruary() {
        // 民法典 Art. 203: no 29 February in 2025, so one year from 2024-02-29 ends 2025-02-28; idle from 2025-03-01
        Parcel p = notStarted(LocalDate.of(2024, 2, 29));
        assertThat(RULES.evaluate(p, LocalDate.of(2025, 2, 28)).status()).isEqualTo(Status.NOT_IDLE);
        assertThat(RULES.evaluate(p, LocalDate.of(2025, 3, 1)).status()).isEqualTo(Status.IDLE);
        // two years end 2026-02-28; reclaim candidate from 2026-03-01
        assertThat(RULES.evaluate(p, LocalDate.of(2026, 2, 28)).status()).isEqualTo(Status.IDLE);
        assertThat(RULES.evaluate(p, LocalDate.of(2026, 3, 1)).status()).isEqualTo(Status.RECLAIM_CANDIDATE);
    }

    @Test
    void yearEndingOnALeapDay() {
        // agreed 2023-02-28: one year ends 2024-02-28, so the leap day 2024-02-29 is the first idle day
        Parcel p = notStarted(LocalDate.of(2023, 2, 28));
        assertThat(RULES.evaluate(p, LocalDate.of(2024, 2, 28)).status()).isEqualTo(Status.NOT_IDLE);
        assertThat(RULES.evaluate(p, LocalDate.of(2024, 2, 29)).status()).isEqualTo(Status.IDLE);
    }

    @Test
    void aStartDateAfterTheCheckDateCountsAsNotStarted() {
        // checked on 2024-06-01, construction starts only on 2024-07-01: as of the check it had not started
        Parcel p = started(LocalDate.of(2023, 3, 1), LocalDate.of(2024, 7, 1), share("0", "1"), share("0", "1"), null);
        assertThat(RULES.evaluate(p, LocalDate.of(2024, 6, 1)).status()).isEqualTo(Status.IDLE);
        // from 2024-07-01 it has started (and not stopped): not idle
        assertThat(RULES.evaluate(p, LocalDate.of(2024, 7, 1)).status()).isEqualTo(Status.NOT_IDLE);
    }

    @Test
    void startedLittleDevelopedAndStoppedForAtLeastOneYearIsIdle() {
        // developed 100 of 300 亩 (exactly 1/3, not below), invested 20 % (< 25 %): low investment alone counts;
        // stopped 2023-06-30: "at least one year" is reached on 2024-06-30 itself
        Parcel p = started(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 1), share("100", "300"), share("1000", "5000"), LocalDate.of(2023, 6, 30));
        Result before = RULES.evaluate(p, LocalDate.of(2024, 6, 29));
        assertThat(before.status()).isEqualTo(Status.NOT_IDLE);
        assertThat(before.idleFrom()).isEqualTo(LocalDate.of(2024, 6, 30));
        Result on = RULES.evaluate(p, LocalDate.of(2024, 6, 30));
        assertThat(on.status()).isEqualTo(Status.IDLE);
        assertThat(on.fee().value()).isEqualByComparingTo("160");
        assertThat(on.reasons()).anySatisfy(s -> assertThat(s).contains("已投资 20.00% 不足 25%").contains("中止开发建设满1年"));
        // by default stalled land is never a reclaim candidate (SPEC §7 names 无偿收回 only for land never started)
        assertThat(RULES.evaluate(p, LocalDate.of(2030, 1, 1)).status()).isEqualTo(Status.IDLE);
        assertThat(on.reclaimFrom()).isNull();
    }

    @Test
    void exactlyAThirdDevelopedAndAQuarterInvestedIsNotIdle() {
        // 100/300 = 1/3 exactly and 25/100 = 25 % exactly: neither is "below", so not idle even after years stopped
        Parcel p = started(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 1), share("100", "300"), share("25", "100"), LocalDate.of(2022, 6, 1));
        Result r = RULES.evaluate(p, LocalDate.of(2025, 6, 1));
        assertThat(r.status()).isEqualTo(Status.NOT_IDLE);
        assertThat(r.reasons().get(0)).contains("已开发 33.33%、已投资 25.00%");
        // 99.99 of 300 亩 is below 1/3: idle
        Parcel less = started(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 1), share("99.99", "300"), share("25", "100"), LocalDate.of(2022, 6, 1));
        assertThat(RULES.evaluate(less, LocalDate.of(2025, 6, 1)).status()).isEqualTo(Status.IDLE);
    }

    @Test
    void aShareAlreadyRoundedFallsJustBelowAThird() {
        // why Share keeps part and whole: 0.3333 is below 1/3 (0.3333 × 3 = 0.9999 < 1)
        assertThat(Share.of(new BigDecimal("0.3333")).below(new Fraction(BigDecimal.ONE, new BigDecimal("3")))).isTrue();
        assertThat(share("1", "3").below(new Fraction(BigDecimal.ONE, new BigDecimal("3")))).isFalse();
    }

    @Test
    void startedAndStillBuildingIsNotIdle() {
        Parcel p = started(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 1), share("10", "300"), share("5", "100"), null);
        assertThat(RULES.evaluate(p, LocalDate.of(2026, 1, 1)).status()).isEqualTo(Status.NOT_IDLE);
    }

    @Test
    void aCountyMayReclaimStalledLandToo() {
        IdleLandRules strict = new IdleLandRules(RULES.notStartedIdle(), RULES.notStartedReclaim(), RULES.idleFeePercent(),
                RULES.minDevelopedArea(), RULES.minInvestment(), RULES.stalledIdle(), Elapsed.atLeast(Period.ofYears(2)));
        // stopped 2023-06-30: idle from 2024-06-30, reclaim candidate from 2025-06-30 (at least 2 years)
        Parcel p = started(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 1), share("50", "300"), share("50", "100"), LocalDate.of(2023, 6, 30));
        assertThat(strict.evaluate(p, LocalDate.of(2025, 6, 29)).status()).isEqualTo(Status.IDLE);
        assertThat(strict.evaluate(p, LocalDate.of(2025, 6, 30)).status()).isEqualTo(Status.RECLAIM_CANDIDATE);
    }

    @Test
    void governmentCausedDelayIsIdleWithoutFeeOrReclaim() {
        Parcel p = new Parcel(LocalDate.of(2023, 3, 1), null, null, null, null, PRICE, true);
        Result r = RULES.evaluate(p, LocalDate.of(2026, 3, 1));
        assertThat(r.status()).isEqualTo(Status.IDLE);
        assertThat(r.fee().value()).isEqualByComparingTo("0");
        assertThat(r.reclaimFrom()).isNull();
        assertThat(r.reasons()).anySatisfy(s -> assertThat(s).contains("第八条"));
    }

    @Test
    void everyThresholdIsData() {
        // a county using 6 months and a 10 % fee: agreed 2023-01-31 + 6 months = 2023-07-31; idle from 2023-08-01,
        // fee 800 × 10 % = 80 万; reclaim after more than 1 year: from 2024-02-01
        IdleLandRules county = new IdleLandRules(Elapsed.moreThan(Period.ofMonths(6)), Elapsed.moreThan(Period.ofYears(1)), new BigDecimal("10"),
                new Fraction(BigDecimal.ONE, new BigDecimal("2")), new Fraction(new BigDecimal("30"), new BigDecimal("100")),
                Elapsed.moreThan(Period.ofMonths(6)), null);
        Parcel p = notStarted(LocalDate.of(2023, 1, 31));
        assertThat(county.evaluate(p, LocalDate.of(2023, 7, 31)).status()).isEqualTo(Status.NOT_IDLE);
        Result idle = county.evaluate(p, LocalDate.of(2023, 8, 1));
        assertThat(idle.status()).isEqualTo(Status.IDLE);
        assertThat(idle.fee().value()).isEqualByComparingTo("80");
        assertThat(county.evaluate(p, LocalDate.of(2024, 2, 1)).status()).isEqualTo(Status.RECLAIM_CANDIDATE);
        // developed 40 % < 1/2 under this county's rule (it would not be idle under the default 1/3, 25 %)
        Parcel half = started(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 1), share("40", "100"), share("40", "100"), LocalDate.of(2023, 1, 1));
        assertThat(county.evaluate(half, LocalDate.of(2023, 7, 2)).status()).isEqualTo(Status.IDLE);
        assertThat(RULES.evaluate(half, LocalDate.of(2023, 7, 2)).status()).isEqualTo(Status.NOT_IDLE);
    }

    @Test
    void inconsistentInputIsRefused() {
        assertThatThrownBy(() -> new Parcel(LocalDate.of(2023, 3, 1), null, null, null, LocalDate.of(2023, 5, 1), PRICE, false))
                .hasMessageContaining("未动工的地块不能有停工日期");
        assertThatThrownBy(() -> new Parcel(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 5, 1), share("1", "2"), share("1", "2"), LocalDate.of(2023, 4, 1), PRICE, false))
                .hasMessageContaining("construction cannot stop before it started");
        assertThatThrownBy(() -> new IdleLandRules(Elapsed.moreThan(Period.ofYears(2)), Elapsed.moreThan(Period.ofYears(1)), new BigDecimal("20"),
                RULES.minDevelopedArea(), RULES.minInvestment(), RULES.stalledIdle(), null))
                .hasMessageContaining("reclaim period must not be shorter");
        assertThatThrownBy(() -> share("1", "0")).hasMessageContaining("positive whole");
    }
}
