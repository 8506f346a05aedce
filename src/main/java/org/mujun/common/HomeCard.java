package org.mujun.common;

/** A figure on the home page: modules contribute {@link Provider} beans computed in the current user's scope. */
public record HomeCard(int order, String labelKey, long value, String link) {

    public interface Provider {
        /** Cards for the signed-in user; empty when the user's role does not see this module. */
        java.util.List<HomeCard> cards();
    }
}
