package org.mujun.project;

import java.util.Optional;

/**
 * The 亩均 class (A–D) of an enterprise from its latest published evaluation. The evaluation module
 * provides a bean; while none exists the 零增地技改 calculators use the class the official picks
 * (and a class from a bean, when there is one, wins over the pick).
 */
public interface EnterpriseClassLookup {

    /** The class of the latest published evaluation, or empty when the enterprise has none. */
    Optional<ZeroLandTechRules.EnterpriseClass> latestClass(String uscc);
}
