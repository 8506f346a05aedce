package org.mujun.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mujun.screening.CaseAction.*;
import static org.mujun.screening.CaseState.*;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mujun.evaluation.IllegalTransitionException;

/** Every (state, action) pair: the legal ones land where SPEC §6 says, every other one is refused. */
class CaseStateUnitTest {

    /** The expected table, written out by hand (not derived from the enum). */
    static final Map<CaseState, Map<CaseAction, CaseState>> LEGAL = new EnumMap<>(CaseState.class);

    static {
        put(CANDIDATE, CONFIRM, CONFIRMED);
        put(CANDIDATE, REJECT, REJECTED);
        put(CONFIRMED, RETURN_TO_TOWN, CANDIDATE);
        put(CONFIRMED, LIST, LISTED);
        put(CONFIRMED, DISMISS, DISMISSED);
        put(LISTED, SUBMIT_PLAN, PLAN_SUBMITTED);
        put(PLAN_RETURNED, SUBMIT_PLAN, PLAN_SUBMITTED);
        put(PLAN_SUBMITTED, APPROVE_PLAN, PLAN_APPROVED);
        put(PLAN_SUBMITTED, RETURN_PLAN, PLAN_RETURNED);
        put(PLAN_APPROVED, START, REMEDIATING);
        put(PLAN_APPROVED, CLOSE, CLOSED);
        put(PLAN_APPROVED, EXIT, EXITED);
        put(PLAN_APPROVED, MERGE, MERGED);
        put(REMEDIATING, DELIST, DELISTED);
        put(REMEDIATING, CLOSE, CLOSED);
        put(REMEDIATING, EXIT, EXITED);
        put(REMEDIATING, MERGE, MERGED);
    }

    static void put(CaseState from, CaseAction a, CaseState to) {
        LEGAL.computeIfAbsent(from, k -> new EnumMap<>(CaseAction.class)).put(a, to);
    }

    @Test
    void everyLegalTransition() {
        int n = 0;
        for (var e : LEGAL.entrySet()) {
            for (var t : e.getValue().entrySet()) {
                assertThat(e.getKey().apply(t.getKey())).as(e.getKey() + " " + t.getKey()).isEqualTo(t.getValue());
                n++;
            }
        }
        assertThat(n).isEqualTo(17);
    }

    @Test
    void everyIllegalTransitionIsRefusedWithWhatIsAllowed() {
        int refused = 0;
        for (CaseState s : CaseState.values()) {
            for (CaseAction a : CaseAction.values()) {
                if (LEGAL.getOrDefault(s, Map.of()).containsKey(a)) {
                    continue;
                }
                assertThatThrownBy(() -> s.apply(a)).as(s + " " + a).isInstanceOf(IllegalTransitionException.class)
                        .hasMessageContaining(s.nameZh()).hasMessageContaining(a.nameEn());
                refused++;
            }
        }
        assertThat(refused).isEqualTo(CaseState.values().length * CaseAction.values().length - 17);
        assertThatThrownBy(() -> DELISTED.apply(CONFIRM)).hasMessageContaining("none (closed)");
        assertThatThrownBy(() -> CANDIDATE.apply(LIST)).hasMessageContaining("allowed: confirm, reject");
    }

    @Test
    void terminalStatesAndListMembership() {
        assertThat(java.util.Arrays.stream(CaseState.values()).filter(CaseState::terminal))
                .containsExactlyInAnyOrder(REJECTED, DISMISSED, DELISTED, CLOSED, EXITED, MERGED);
        assertThat(java.util.Arrays.stream(CaseState.values()).filter(CaseState::onList))
                .containsExactlyInAnyOrder(LISTED, PLAN_SUBMITTED, PLAN_RETURNED, PLAN_APPROVED, REMEDIATING);
        assertThat(LISTED.planEditable()).isTrue();
        assertThat(PLAN_SUBMITTED.planEditable()).isFalse();
        assertThat(REMEDIATING.progressOpen()).isTrue();
        assertThat(CaseAction.parse("approve-plan")).isEqualTo(APPROVE_PLAN);
        assertThat(CONFIRM.needsEvidence()).isTrue();
        assertThat(REJECT.needsReason()).isTrue();
        assertThat(LIST.actor()).isEqualTo(CaseAction.Actor.COUNTY);
    }
}
