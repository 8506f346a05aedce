package org.mujun.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mujun.common.RegionCode;
import org.mujun.common.WanYuan;

/** 项目全周期: each legal move, skipping, going back, dates out of order. */
class ProjectUnitTest {

    static Project project() {
        return new Project("年产10万台电机项目", RegionCode.of("331082001"), WanYuan.of("20000"), LocalDate.of(2024, 1, 5));
    }

    @Test
    void movesOneStageAtATime() {
        Project p = project();
        assertThat(p.stage()).isEqualTo(ProjectStage.ATTRACTING);
        p.markSigned(LocalDate.of(2024, 3, 1)).markLanded(LocalDate.of(2024, 5, 1)).markStarted(LocalDate.of(2024, 5, 1))
                .markCompleted(LocalDate.of(2025, 6, 30)).markInProduction(LocalDate.of(2025, 9, 1)).markAtCapacity(LocalDate.of(2026, 9, 1));
        assertThat(p.stage()).isEqualTo(ProjectStage.AT_CAPACITY);
        assertThat(p.reachedOn()).hasSize(7).containsEntry(ProjectStage.LANDED, LocalDate.of(2024, 5, 1));
        assertThat(ProjectStage.AT_CAPACITY.next()).isNull();
    }

    @Test
    void skippingAStageIsRefusedWithABilingualMessage() {
        Project p = project();
        assertThatThrownBy(() -> p.markLanded(LocalDate.of(2024, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("项目 年产10万台电机项目 当前为「招引」，不能转为「落地」，下一阶段应为「签约」")
                .hasMessageContaining("is ATTRACTING (attracting); cannot move to LANDED, the next stage is SIGNED");
        assertThat(p.stage()).isEqualTo(ProjectStage.ATTRACTING);
    }

    @Test
    void goingBackOrRepeatingIsRefused() {
        Project p = project().markSigned(LocalDate.of(2024, 3, 1));
        assertThatThrownBy(() -> p.markSigned(LocalDate.of(2024, 3, 2))).hasMessageContaining("cannot move to SIGNED, the next stage is LANDED");
        Project done = project().markSigned(LocalDate.of(2024, 3, 1)).markLanded(LocalDate.of(2024, 5, 1)).markStarted(LocalDate.of(2024, 5, 1))
                .markCompleted(LocalDate.of(2025, 6, 30)).markInProduction(LocalDate.of(2025, 9, 1)).markAtCapacity(LocalDate.of(2026, 9, 1));
        assertThatThrownBy(() -> done.markAtCapacity(LocalDate.of(2026, 9, 2))).hasMessageContaining("下一阶段应为无（已达产）")
                .hasMessageContaining("none (already at capacity)");
    }

    @Test
    void aStageCannotBeDatedBeforeThePreviousOne() {
        Project p = project().markSigned(LocalDate.of(2024, 3, 1));
        assertThatThrownBy(() -> p.markLanded(LocalDate.of(2024, 2, 29)))
                .hasMessageContaining("落地日期 2024-02-29 早于签约日期 2024-03-01").hasMessageContaining("is before the SIGNED date");
        p.markLanded(LocalDate.of(2024, 3, 1)); // the same day is fine
        assertThat(p.stage()).isEqualTo(ProjectStage.LANDED);
    }

    @Test
    void investmentAndRestore() {
        Project p = project().reportCompletedInvestment(WanYuan.of("3500"));
        assertThat(p.completedInvestment().value()).isEqualByComparingTo("3500");
        assertThatThrownBy(() -> p.reportCompletedInvestment(WanYuan.of("-1"))).hasMessageContaining("must be given and not negative");

        Map<ProjectStage, LocalDate> dates = new EnumMap<>(ProjectStage.class);
        dates.put(ProjectStage.ATTRACTING, LocalDate.of(2024, 1, 5));
        dates.put(ProjectStage.SIGNED, LocalDate.of(2024, 3, 1));
        dates.put(ProjectStage.LANDED, LocalDate.of(2024, 5, 1));
        Project back = Project.restore("P", RegionCode.of("331082001"), WanYuan.of("20000"), WanYuan.of("100"), dates);
        assertThat(back.stage()).isEqualTo(ProjectStage.LANDED);
        assertThat(back.item().signedOn()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(back.item().completed().value()).isEqualByComparingTo("100");
        // a stored history with a gap (签约 missing before 落地) is refused, as a live move would be
        dates.remove(ProjectStage.SIGNED);
        assertThatThrownBy(() -> Project.restore("P", RegionCode.of("331082001"), WanYuan.of("20000"), WanYuan.ZERO, dates))
                .hasMessageContaining("cannot move to LANDED");
    }

    @Test
    void stageOrder() {
        assertThat(ProjectStage.STARTED.atLeast(ProjectStage.LANDED)).isTrue();
        assertThat(ProjectStage.LANDED.atLeast(ProjectStage.LANDED)).isTrue();
        assertThat(ProjectStage.SIGNED.atLeast(ProjectStage.LANDED)).isFalse();
        assertThat(ProjectStage.SIGNED.next()).isEqualTo(ProjectStage.LANDED);
    }
}
