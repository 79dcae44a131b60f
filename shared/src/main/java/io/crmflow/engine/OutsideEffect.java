package io.crmflow.engine;

import io.crmflow.outbound.OutgoingEmail;
import io.crmflow.outbound.WebhookPayload;
import io.crmflow.store.Write;
import java.util.List;

/**
 * The one effect outside the table a step may make, exactly once, before its commit
 * ({@link EffectRunner}). Each kind says how its result reads in the history.
 */
sealed interface OutsideEffect permits OutsideEffect.Email, OutsideEffect.Webhook {

    /**
     * An email through the mail provider.
     *
     * @param whenSent writes that belong to the commit only if the provider accepted the email
     */
    record Email(OutgoingEmail email, List<Write> whenSent) implements OutsideEffect {
        public Email {
            whenSent = List.copyOf(whenSent);
        }

        Email(OutgoingEmail email) {
            this(email, List.of());
        }
    }

    /** A signed POST of the enrolled record to a receiver of the tenant's ({@link WebhookActions}). */
    record Webhook(String url, WebhookPayload payload) implements OutsideEffect {
    }
}
