package org.mujun.common;

import java.util.List;

/**
 * A module's part of the demo scenario (SPEC §12): after the demo world is loaded, each module
 * plays its step in {@link #order()} so a new user finds the pages filled — evaluation publishes
 * the default schemes and runs them, screening screens, targets are set … The demo module runs the
 * steps as a province administrator named {@code demo}; a step that fails is logged and skipped.
 */
public interface DemoScenarioStep {

    /** Lower first (evaluation 10, screening 20, targets 30 …). */
    int order();

    /** One line for the log, e.g. "evaluation: official runs published". */
    String name();

    /**
     * Plays the step for the demo counties ({@code counties}, six-digit codes) whose data covers the
     * years {@code lastYear - 2} to {@code lastYear}; returns a short summary for the log.
     */
    String play(List<String> counties, int lastYear);
}
