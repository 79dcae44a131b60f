package io.crmflow.engine;

/**
 * An effect that will not be made, for a reason repeating the step would not change: a webhook
 * its receiver did not take within the action's time limit, or one whose target is refused.
 * {@link EffectRunner} records it as the step's result, so the enrollment moves on.
 */
final class EffectRefusedException extends RuntimeException {
    EffectRefusedException(String reason) {
        super(reason);
    }
}
