package org.mujun.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mujun.common.RegionCode;
import org.mujun.common.WanYuan;
import org.mujun.project.ProjectStatistics.Figures;
import org.mujun.project.ProjectStatistics.Item;

/**
 * Project figures over six projects (万元):
 * <pre>
 *  # region      stage          planned     completed   signed
 *  1 331082001   SIGNED          5,000          0        2024-02-01
 *  2 331082001   LANDED         10,000      2,000        2024-03-01   (exactly 1 亿)
 *  3 331082002   STARTED       100,000     30,000        2024-12-31   (exactly 10 亿)
 *  4 331082002   AT_CAPACITY     9,999.99   9,999.99     2023-05-01   (just below 1 亿)
 *  5 331003001   ATTRACTING    200,000          0        —            (not signed: outside the population)
 *  6 331003001   IN_PRODUCTION  20,000     25,000        2025-01-01   (overrun)
 * </pre>
 */
class ProjectStatisticsUnitTest {

    static final ProjectStatistics STATS = ProjectStatistics.defaults();

    static Item item(String region, ProjectStage stage, String planned, String completed, LocalDate signed) {
        return new Item(RegionCode.of(region), stage, WanYuan.of(planned), WanYuan.of(completed), signed, null);
    }

    static final List<Item> ITEMS = List.of(
            item("331082001", ProjectStage.SIGNED, "5000", "0", LocalDate.of(2024, 2, 1)),
            item("331082001", ProjectStage.LANDED, "10000", "2000", LocalDate.of(2024, 3, 1)),
            item("331082002", ProjectStage.STARTED, "100000", "30000", LocalDate.of(2024, 12, 31)),
            item("331082002", ProjectStage.AT_CAPACITY, "9999.99", "9999.99", LocalDate.of(2023, 5, 1)),
            item("331003001", ProjectStage.ATTRACTING, "200000", "0", null),
            item("331003001", ProjectStage.IN_PRODUCTION, "20000", "25000", LocalDate.of(2025, 1, 1)));

    @Test
    void totals() {
        Figures f = STATS.compute("all", ITEMS);
        assertThat(f.projects()).isEqualTo(6);
        assertThat(f.byStage()).containsEntry(ProjectStage.ATTRACTING, 1).containsEntry(ProjectStage.LANDED, 1).containsEntry(ProjectStage.COMPLETED, 0);
        // signed or later: #1, 2, 3, 4, 6 = 5; landed or later: #2, 3, 4, 6 = 4; 落地率 4 / 5 = 80.00 %
        assertThat(f.signed()).isEqualTo(5);
        assertThat(f.landed()).isEqualTo(4);
        assertThat(f.landingRatePercent()).isEqualByComparingTo("80.00");
        // 亿元 (≥ 10,000): #2, 3, 6 = 3 (#4 is 0.01 万 short, #5 only attracted); 10亿元 (≥ 100,000): #3 = 1
        assertThat(f.yiYuanProjects()).isEqualTo(3);
        assertThat(f.tenYiYuanProjects()).isEqualTo(1);
        // Σ planned = 5,000 + 10,000 + 100,000 + 9,999.99 + 20,000 = 144,999.99
        // Σ completed = 0 + 2,000 + 30,000 + 9,999.99 + 25,000 = 66,999.99
        // 投资完成率 = 66,999.99 / 144,999.99 = 46.2069 % → 46.21 %
        assertThat(f.population()).isEqualTo(5);
        assertThat(f.planned().value()).isEqualByComparingTo("144999.99");
        assertThat(f.completed().value()).isEqualByComparingTo("66999.99");
        assertThat(f.completionRatePercent()).isEqualByComparingTo("46.21");
    }

    @Test
    void byCounty() {
        List<Figures> counties = STATS.byRegion(ITEMS, 6);
        assertThat(counties).extracting(Figures::group).containsExactly("331003", "331082");
        Figures huangyan = counties.get(0);
        // 黄岩: #5 (attracted), #6; signed 1, landed 1 → 100.00 %; 亿元 1 (#6); completion 25,000 / 20,000 = 125.00 %
        assertThat(huangyan.projects()).isEqualTo(2);
        assertThat(huangyan.landingRatePercent()).isEqualByComparingTo("100.00");
        assertThat(huangyan.yiYuanProjects()).isEqualTo(1);
        assertThat(huangyan.tenYiYuanProjects()).isEqualTo(0);
        assertThat(huangyan.completionRatePercent()).isEqualByComparingTo("125.00");
        Figures linhai = counties.get(1);
        // 临海: #1–4; signed 4, landed 3 → 75.00 %; 亿元 2 (#2, #3), 10亿元 1 (#3);
        // completion (2,000 + 30,000 + 9,999.99) / (5,000 + 10,000 + 100,000 + 9,999.99) = 41,999.99 / 124,999.99 = 33.5999 % → 33.60 %
        assertThat(linhai.landingRatePercent()).isEqualByComparingTo("75.00");
        assertThat(linhai.yiYuanProjects()).isEqualTo(2);
        assertThat(linhai.tenYiYuanProjects()).isEqualTo(1);
        assertThat(linhai.completionRatePercent()).isEqualByComparingTo("33.60");
    }

    @Test
    void byTownAndForGivenRegions() {
        assertThat(STATS.byRegion(ITEMS, 9)).extracting(Figures::group).containsExactly("331003001", "331082001", "331082002");
        List<Figures> f = STATS.forRegions(ITEMS, List.of(RegionCode.of("331082002"), RegionCode.of("3310"), RegionCode.of("330106")));
        assertThat(f).extracting(Figures::projects).containsExactly(2, 6, 0);
        // a region with no signed project and no planned investment: rates are absent, not zero
        assertThat(f.get(2).landingRatePercent()).isNull();
        assertThat(f.get(2).completionRatePercent()).isNull();
    }

    @Test
    void onlyAttractedProjectsHaveNoLandingRate() {
        Figures f = STATS.compute("x", List.of(item("331082001", ProjectStage.ATTRACTING, "50000", "0", null)));
        assertThat(f.signed()).isZero();
        assertThat(f.landingRatePercent()).isNull();
        assertThat(f.yiYuanProjects()).isZero();
    }

    @Test
    void thePopulationIsConfigurable() {
        // counting from 招引: #5 (200,000) now counts as a 亿元 and 10亿元 project; 落地率 is unchanged (by stage)
        ProjectStatistics all = new ProjectStatistics(ProjectStage.ATTRACTING, STATS.yiYuan(), STATS.tenYiYuan());
        Figures f = all.compute("all", ITEMS);
        assertThat(f.yiYuanProjects()).isEqualTo(4);
        assertThat(f.tenYiYuanProjects()).isEqualTo(2);
        assertThat(f.landingRatePercent()).isEqualByComparingTo("80.00");
    }

    @Test
    void signedInAYear() {
        // signed in 2024: #1 (02-01), #2 (03-01), #3 (12-31, the last day counts)
        List<Item> y2024 = ProjectStatistics.signedBetween(ITEMS, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        assertThat(y2024).hasSize(3);
        assertThat(STATS.compute("2024", y2024).landingRatePercent()).isEqualByComparingTo("66.67"); // 2 of 3
    }
}
