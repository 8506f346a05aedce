package org.mujun.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The run and objection state machines: every legal move, and every illegal one refused with a clear message. */
class RunStatusUnitTest {

    @Test
    void legalRunMoves() {
        assertThat(RunStatus.COMPUTED.publicize(RunKind.OFFICIAL)).isEqualTo(RunStatus.PUBLICIZING);
        assertThat(RunStatus.PUBLICIZING.toFinal()).isEqualTo(RunStatus.FINAL);
        assertThat(RunStatus.PUBLICIZING.supersede()).isEqualTo(RunStatus.SUPERSEDED);
        assertThat(RunStatus.FINAL.supersede()).isEqualTo(RunStatus.SUPERSEDED);
    }

    @Test
    void everyOtherRunMoveIsRefused() {
        // publicize: only COMPUTED, and only an official run
        for (RunStatus s : EnumSet.complementOf(EnumSet.of(RunStatus.COMPUTED))) {
            assertThatThrownBy(() -> s.publicize(RunKind.OFFICIAL)).isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("cannot be publicised").hasMessageContaining("only a computed run");
        }
        for (RunStatus s : RunStatus.values()) {
            assertThatThrownBy(() -> s.publicize(RunKind.WHAT_IF)).isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("试算结果不能公示").hasMessageContaining("a what-if run cannot be publicised");
        }
        // finalize: only PUBLICIZING
        for (RunStatus s : EnumSet.complementOf(EnumSet.of(RunStatus.PUBLICIZING))) {
            assertThatThrownBy(s::toFinal).isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("cannot be finalized").hasMessageContaining("only a publicised run");
        }
        // supersede: only PUBLICIZING or FINAL
        for (RunStatus s : EnumSet.of(RunStatus.COMPUTED, RunStatus.SUPERSEDED)) {
            assertThatThrownBy(s::supersede).isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("cannot be superseded").hasMessageContaining("只有“公示中”或“已定稿”的评价可以被新的评价替代");
        }
        // the message names the state the run is in
        assertThatThrownBy(RunStatus.FINAL::toFinal).hasMessageStartingWith("评价状态为“已定稿”，不能定稿");
    }

    @Test
    void whatEnterprisesSeeAndWhenObjectionsAreFiled() {
        Set<RunStatus> visible = EnumSet.noneOf(RunStatus.class);
        Set<RunStatus> objections = EnumSet.noneOf(RunStatus.class);
        for (RunStatus s : RunStatus.values()) {
            if (s.visibleToEnterprises()) {
                visible.add(s);
            }
            if (s.acceptsObjections()) {
                objections.add(s);
            }
        }
        assertThat(visible).containsExactlyInAnyOrder(RunStatus.PUBLICIZING, RunStatus.FINAL, RunStatus.SUPERSEDED);
        assertThat(objections).containsExactly(RunStatus.PUBLICIZING);
        // the one rule for enterprise accounts: official and published (or superseded), never a what-if
        for (RunStatus s : RunStatus.values()) {
            for (RunKind k : RunKind.values()) {
                EvaluationRuns.RunHeader h = new EvaluationRuns.RunHeader(1, 1, 1, "331082", 2024, k, s, "h", 1, 1, 0, 0, "a", java.time.Instant.EPOCH);
                assertThat(EvaluationRuns.visibleToEnterprise(h)).as(k + " " + s).isEqualTo(k == RunKind.OFFICIAL && s != RunStatus.COMPUTED);
            }
        }
    }

    @Test
    void objectionMoves() {
        assertThat(ObjectionStatus.OPEN.accept()).isEqualTo(ObjectionStatus.ACCEPTED);
        assertThat(ObjectionStatus.OPEN.reject("数据有误 / wrong data")).isEqualTo(ObjectionStatus.REJECTED);
        assertThatThrownBy(() -> ObjectionStatus.OPEN.reject(" ")).isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(IllegalTransitionException.class).hasMessageContaining("a rejection needs a reason");
        assertThatThrownBy(() -> ObjectionStatus.OPEN.reject(null)).hasMessageContaining("a rejection needs a reason");
        for (ObjectionStatus s : EnumSet.of(ObjectionStatus.ACCEPTED, ObjectionStatus.REJECTED)) {
            assertThatThrownBy(s::accept).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("already decided (" + s.nameEn() + ")");
            assertThatThrownBy(() -> s.reject("x")).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("cannot be rejected");
        }
    }
}
