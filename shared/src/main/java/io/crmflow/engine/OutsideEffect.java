package io.crmflow.engine;

import io.crmflow.outbound.OutgoingEmail;

/**
 * The one effect outside the table a step may make, exactly once, before its commit
 * ({@link EffectRunner}). Each kind says how its result reads in the history.
 */
sealed interface OutsideEffect permits OutsideEffect.Email {

    /** An email through the mail provider. */
    record Email(OutgoingEmail email) implements OutsideEffect {
    }
}
