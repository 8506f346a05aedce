package org.mujun.evaluation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mujun.common.EnterprisePanel;
import org.mujun.common.NavLink;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The 亩均评价 section of an enterprise's page: its result in the newest official run of each year the reader
 * may see (class badge, total, rank) with a link to the explanation; and the 评价 menu entry.
 */
@Component
class EvaluationPanel implements EnterprisePanel.Provider {

    private final EvaluationRuns runs;

    EvaluationPanel(EvaluationRuns runs) {
        this.runs = runs;
    }

    /** Menu entry: every business role (an enterprise sees its own results once a run is published to it). */
    @Bean
    static NavLink evaluationNavLink() {
        return new NavLink(40, "nav.evaluation", "/evaluation/runs", NavLink.BUSINESS);
    }

    @Override
    public Optional<EnterprisePanel> panel(long enterpriseId, String uscc) {
        MujunUser user = Jurisdiction.currentUser();
        if (user == null || !user.role().seesBusinessData()) {
            return Optional.empty();
        }
        List<EvaluationRuns.ResultRow> results = runs.latestForEnterprise(uscc).stream().map(TaxMask::row).toList();
        Map<Long, Integer> years = new HashMap<>();
        for (EvaluationRuns.ResultRow r : results) {
            runs.find(r.runId()).ifPresent(run -> years.put(r.runId(), run.header().year()));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("results", results);
        model.put("years", years);
        return Optional.of(new EnterprisePanel(35, "evaluation.panel.title", "evaluation/panels", model));
    }
}
