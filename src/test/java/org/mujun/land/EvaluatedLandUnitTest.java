package org.mujun.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mujun.land.EvaluatedLand.Lease;
import org.mujun.land.EvaluatedLand.Result;

/**
 * Evaluated land (用地面积, SPEC §2) worked by hand. 1 亩 = 666.67 m², so the areas below are
 * chosen as whole 亩: 20,000.10 m² = 30 亩, 10,000.05 = 15 亩, 6,666.70 = 10 亩, 3,333.35 = 5 亩,
 * 666.67 = 1 亩.
 * <pre>
 *   owned:  A 20,000.10   B 0   C 10,000.05   D 1,000.00   (E is a tenant outside the evaluated set)
 *   leases: A → B 6,666.70 m², 2022–2024
 *           C → A 3,333.35 m², 2023 only
 *           D → B 1,500.00 m², 2023–2025
 *           A → E   666.67 m², 2024–2030
 * </pre>
 */
class EvaluatedLandUnitTest {

    static final String A = "A", B = "B", C = "C", D = "D", E = "E";

    static final List<Lease> LEASES = List.of(
            new Lease(A, B, new BigDecimal("6666.70"), 2022, 2024),
            new Lease(C, A, new BigDecimal("3333.35"), 2023, 2023),
            new Lease(D, B, new BigDecimal("1500.00"), 2023, 2025),
            new Lease(A, E, new BigDecimal("666.67"), 2024, 2030));

    static Map<String, BigDecimal> owned() {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put(A, new BigDecimal("20000.10"));
        m.put(B, BigDecimal.ZERO);
        m.put(C, new BigDecimal("10000.05"));
        m.put(D, new BigDecimal("1000.00"));
        return m;
    }

    @Test
    void defaultRuleIsOwnedPlusLeasedInMinusLeasedOut() {
        Map<String, Result> y2023 = EvaluatedLand.forAll(2023, LandRule.DEFAULT, owned(), LEASES);
        // A 2023: 20,000.10 + 3,333.35 (from C) − 6,666.70 (to B) = 16,666.75 m² = 25 亩
        assertThat(y2023.get(A).evaluatedM2()).isEqualByComparingTo("16666.75");
        assertThat(y2023.get(A).mu().value()).isEqualByComparingTo("25");
        assertThat(y2023.get(A).leasedInM2()).isEqualByComparingTo("3333.35");
        assertThat(y2023.get(A).leasedOutM2()).isEqualByComparingTo("6666.70");
        // B 2023: 0 + 6,666.70 (from A) + 1,500.00 (from D) = 8,166.70 m² = 12.249989 亩 → 12.25
        assertThat(y2023.get(B).evaluatedM2()).isEqualByComparingTo("8166.70");
        assertThat(y2023.get(B).mu().value()).isEqualByComparingTo("12.249989");
        assertThat(y2023.get(B).evaluatedMu()).isEqualByComparingTo("12.25");
        // C 2023: 10,000.05 − 3,333.35 = 6,666.70 m² = 10 亩
        assertThat(y2023.get(C).evaluatedM2()).isEqualByComparingTo("6666.70");
        assertThat(y2023.get(C).mu().value()).isEqualByComparingTo("10");
        // E is not evaluated (not among the owners given)
        assertThat(y2023).doesNotContainKey(E);
    }

    @Test
    void leaseYearsAreInclusive() {
        // A 2024: 20,000.10 − 6,666.70 (B, last year) − 666.67 (E, first year) = 12,666.73 m² = 19 亩
        Result a2024 = EvaluatedLand.forAll(2024, LandRule.DEFAULT, owned(), LEASES).get(A);
        assertThat(a2024.evaluatedM2()).isEqualByComparingTo("12666.73");
        assertThat(a2024.mu().value()).isEqualByComparingTo("19");
        // A 2025: the lease to B ended in 2024: 20,000.10 − 666.67 = 19,333.43 m² = 29 亩
        assertThat(EvaluatedLand.forAll(2025, LandRule.DEFAULT, owned(), LEASES).get(A).mu().value()).isEqualByComparingTo("29");
        // A 2021: no lease yet: 20,000.10 m² = 30 亩
        Result a2021 = EvaluatedLand.forAll(2021, LandRule.DEFAULT, owned(), LEASES).get(A);
        assertThat(a2021.evaluatedM2()).isEqualByComparingTo("20000.10");
        assertThat(a2021.tenants()).isZero();
    }

    @Test
    void neverNegativeClampedAtZeroAndReported() {
        // D 2023: 1,000.00 − 1,500.00 = −500.00 → 0, flagged, the raw value kept
        Result d = EvaluatedLand.forAll(2023, LandRule.DEFAULT, owned(), LEASES).get(D);
        assertThat(d.evaluatedM2()).isEqualByComparingTo("0");
        assertThat(d.clamped()).isTrue();
        assertThat(d.unclampedM2()).isEqualByComparingTo("-500.00");
        assertThat(d.mu().value()).isEqualByComparingTo("0");
        assertThat(EvaluatedLand.forAll(2023, LandRule.DEFAULT, owned(), LEASES).get(A).clamped()).isFalse();
    }

    @Test
    void tenantCountsAreDistinctTenantsInTheYear() {
        Map<String, Result> y2024 = EvaluatedLand.forAll(2024, LandRule.DEFAULT, owned(), LEASES);
        assertThat(y2024.get(A).tenants()).isEqualTo(2); // B and E
        assertThat(y2024.get(D).tenants()).isEqualTo(1); // B
        assertThat(y2024.get(B).tenants()).isZero();
        assertThat(EvaluatedLand.forAll(2023, LandRule.DEFAULT, owned(), LEASES).get(A).tenants()).isEqualTo(1); // E starts 2024
        // two leases to the same tenant count once
        List<Lease> twice = List.of(new Lease(A, B, new BigDecimal("100"), 2023, 2023), new Lease(A, B, new BigDecimal("200"), 2023, 2024));
        assertThat(EvaluatedLand.of(A, 2023, LandRule.DEFAULT, new BigDecimal("1000"), twice).tenants()).isEqualTo(1);
        // 1,000 − 100 − 200 = 700
        assertThat(EvaluatedLand.of(A, 2023, LandRule.DEFAULT, new BigDecimal("1000"), twice).evaluatedM2()).isEqualByComparingTo("700");
    }

    @Test
    void ruleSwitchesLeasedInAndLeasedOut() {
        // without leased-in, A 2023: 20,000.10 − 6,666.70 = 13,333.40 m² = 20 亩
        Result noIn = EvaluatedLand.forAll(2023, new LandRule(false, true, false), owned(), LEASES).get(A);
        assertThat(noIn.evaluatedM2()).isEqualByComparingTo("13333.40");
        assertThat(noIn.mu().value()).isEqualByComparingTo("20");
        // without subtracting leased-out, A 2023: 20,000.10 + 3,333.35 = 23,333.45 m² = 35 亩
        Result noOut = EvaluatedLand.forAll(2023, new LandRule(true, false, false), owned(), LEASES).get(A);
        assertThat(noOut.evaluatedM2()).isEqualByComparingTo("23333.45");
        assertThat(noOut.mu().value()).isEqualByComparingTo("35");
        // owned only: D is no longer clamped
        Result ownedOnly = EvaluatedLand.forAll(2023, new LandRule(false, false, false), owned(), LEASES).get(D);
        assertThat(ownedOnly.evaluatedM2()).isEqualByComparingTo("1000.00");
        assertThat(ownedOnly.clamped()).isFalse();
    }

    @Test
    void mergingTenantsGivesOneResultPerLandlordGroup() {
        // 2023 leases: A → B 6,666.70, C → A 3,333.35, D → B 1,500.00.
        // B's main landlord is A (6,666.70 > 1,500.00); A's landlord is C; so B → A → C, top C.
        // C = owned C + A + B = 10,000.05 + 20,000.10 + 0 = 30,000.15 m² = 45 亩; A and B get 0.
        Map<String, Result> m = EvaluatedLand.forAll(2023, LandRule.MERGE_TENANTS, owned(), LEASES);
        assertThat(m.get(C).evaluatedM2()).isEqualByComparingTo("30000.15");
        assertThat(m.get(C).mu().value()).isEqualByComparingTo("45");
        assertThat(m.get(C).mergedTenants()).containsExactly(A, B);
        assertThat(m.get(C).mergedInto()).isNull();
        assertThat(m.get(A).evaluatedM2()).isEqualByComparingTo("0");
        assertThat(m.get(A).mergedInto()).isEqualTo(C);
        assertThat(m.get(B).mergedInto()).isEqualTo(C);
        // D keeps its own 1,000.00 (its tenant B went to A's group) and is not clamped
        assertThat(m.get(D).evaluatedM2()).isEqualByComparingTo("1000.00");
        assertThat(m.get(D).clamped()).isFalse();
        assertThat(m.get(D).tenants()).isEqualTo(1);
        // no land is lost or counted twice: 30,000.15 + 1,000.00 = 31,000.15 = Σ owned
        BigDecimal total = m.values().stream().map(Result::evaluatedM2).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo("31000.15");
    }

    @Test
    void mergeTiesGoToTheSmallerUsccAndCyclesStop() {
        Map<String, BigDecimal> owned = new LinkedHashMap<>();
        owned.put("L1", new BigDecimal("500"));
        owned.put("L2", new BigDecimal("400"));
        owned.put("T", new BigDecimal("0"));
        List<Lease> tie = List.of(new Lease("L2", "T", new BigDecimal("100"), 2023, 2023), new Lease("L1", "T", new BigDecimal("100"), 2023, 2023));
        Map<String, Result> m = EvaluatedLand.forAll(2023, LandRule.MERGE_TENANTS, owned, tie);
        assertThat(m.get("T").mergedInto()).isEqualTo("L1");
        assertThat(m.get("L1").evaluatedM2()).isEqualByComparingTo("500");
        assertThat(m.get("L2").evaluatedM2()).isEqualByComparingTo("400");

        // X rents to Y and Y rents to X in the same year: one group, headed by the smaller USCC X (300 + 200)
        Map<String, BigDecimal> xy = new LinkedHashMap<>();
        xy.put("X", new BigDecimal("300"));
        xy.put("Y", new BigDecimal("200"));
        List<Lease> cycle = List.of(new Lease("X", "Y", new BigDecimal("50"), 2023, 2023), new Lease("Y", "X", new BigDecimal("50"), 2023, 2023));
        Map<String, Result> c = EvaluatedLand.forAll(2023, LandRule.MERGE_TENANTS, xy, cycle);
        assertThat(c.get("X").evaluatedM2()).isEqualByComparingTo("500");
        assertThat(c.get("Y").mergedInto()).isEqualTo("X");
    }

    @Test
    void negativeLeaseAreaIsRefused() {
        assertThatThrownBy(() -> new Lease(A, B, new BigDecimal("-1"), 2023, 2023)).isInstanceOf(IllegalArgumentException.class);
    }
}
