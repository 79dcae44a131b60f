package io.crmflow.engine;

import io.crmflow.outbound.OutgoingEmail;
import io.crmflow.outbound.WebhookPayload;
import io.crmflow.store.Write;
import java.util.List;

/**
 * The one effect outside the table a step may make, exactly once, before its commit
 * ({@link EffectRunner}). Each kind says how its result reads in the history.
 */
sealed interface OutsideEffect permits OutsideEffect.Email, OutsideEffect.Webhook, OutsideEffect.ContactEmails,
        OutsideEffect.Text {

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

    /**
     * One email to each of several contacts (a ticket's, R-PIPE-6): each made once on its own,
     * under the step's effect key and the contact's id, so a step stopped halfway sends only the rest.
     */
    record ContactEmails(List<ToContact> emails) implements OutsideEffect {
        public ContactEmails {
            emails = List.copyOf(emails);
        }
    }

    record ToContact(String contactId, OutgoingEmail email) {
    }

    /** A signed POST of the enrolled record to a receiver of the tenant's ({@link WebhookActions}). */
    record Webhook(String url, WebhookPayload payload) implements OutsideEffect {
    }

    /** An SMS or a WhatsApp message through the text channel (R-JRN-5). */
    record Text(io.crmflow.outbound.OutgoingText text) implements OutsideEffect {
    }
}
