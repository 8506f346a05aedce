package org.mujun.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.mujun.common.DemoScenarioStep;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/**
 * The evaluation's part of the demo (SPEC §12): for each demo county and data year, the default
 * scheme (SPEC §5) is published and run officially, and the run publicised (公示), so results,
 * explanations, statistics and the map have something to show on first start.
 */
@Component
class EvaluationDemoStep implements DemoScenarioStep {

    static final String ACTOR = "demo";

    private final EvaluationSchemes schemes;
    private final EvaluationRuns runs;
    private final Publications publications;

    EvaluationDemoStep(EvaluationSchemes schemes, EvaluationRuns runs, Publications publications) {
        this.schemes = schemes;
        this.runs = runs;
        this.publications = publications;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String name() {
        return "evaluation: default schemes published, official runs publicised";
    }

    @Override
    public String play(List<String> counties, int lastYear) {
        List<String> done = new ArrayList<>();
        for (String county : counties) {
            Scope scope = Scope.system(county);
            for (int year = lastYear - 2; year <= lastYear; year++) {
                if (publications.current(county, year).isPresent()) {
                    continue; // played before
                }
                EvaluationSchemes.SchemeVersion draft = schemes.openDefault(county, year, ACTOR, scope);
                EvaluationSchemes.SchemeVersion published = schemes.publish(draft.id(), draft.lockVersion(), ACTOR, scope);
                EvaluationRuns.Run run = runs.run(published.id(), RunKind.OFFICIAL, ACTOR, scope);
                publications.publicize(run.id(), null, ACTOR);
                done.add(county + "/" + year + " run " + run.id());
            }
        }
        return done.isEmpty() ? "nothing to do" : String.join(", ", done);
    }
}
