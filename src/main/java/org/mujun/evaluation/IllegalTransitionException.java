package org.mujun.evaluation;

/**
 * A workflow move the current state does not allow (a run or an objection). The message is bilingual
 * and says what is allowed; answered 409 Conflict ({@link WorkflowErrorAdvice}).
 */
public class IllegalTransitionException extends IllegalArgumentException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
