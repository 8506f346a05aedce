package org.mujun.common;

import java.util.Map;
import java.util.Optional;

/**
 * A section of an enterprise's page (and, later, its dossier 一企一档). Modules contribute panels
 * as {@link Provider} beans, so the enterprise module never depends on the modules that know more
 * about an enterprise (land, energy, evaluation, screening …). The page renders each panel with
 * {@code th:insert="~{${p.template} :: panel}"} and the variable {@code panel} set to it; a
 * fragment reads its data from {@code ${panel.model}}.
 *
 * @param order    position on the page (lower first)
 * @param titleKey message key of the section heading
 * @param template template holding a fragment named {@code panel}, e.g. {@code "land/panels"}
 * @param model    what the fragment shows
 */
public record EnterprisePanel(int order, String titleKey, String template, Map<String, Object> model) {

    public interface Provider {
        /**
         * The panel for one enterprise, already known to be inside the current user's jurisdiction;
         * empty when this module has nothing to show or the user's role may not see it.
         */
        Optional<EnterprisePanel> panel(long enterpriseId, String uscc);
    }
}
