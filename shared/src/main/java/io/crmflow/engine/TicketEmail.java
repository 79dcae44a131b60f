package io.crmflow.engine;

import io.crmflow.model.Activity;
import io.crmflow.model.ActivityType;
import java.util.Locale;

/**
 * What an email activity logged on a ticket is to the ticket's status rules (R-PIPE-3, R-PIPE-4),
 * read from the activity alone: an email a user sent the customer from the ticket, a reply of the
 * customer, or something never counted — and then why. Pure.
 *
 * <p>The activity attributes read (docs/pipelines.md): {@code thread}, the email thread's id;
 * {@code sentFrom}, where a user sent it from ({@code ticket}, {@code contact_record} or
 * {@code personal_inbox}): only {@code ticket} counts, so an email that does not say is not
 * counted; {@code forwarded}, {@code true} on a forwarded email or a reply to one. The actor says
 * who wrote it: a user, or the record (the customer), whose reply counts only when it names its
 * thread.
 *
 * @param thread the email thread, or null when the activity names none
 * @param why    for {@link Kind#NOT_COUNTED}, the reason; else empty
 */
record TicketEmail(Kind kind, String thread, String why) {
    static final String THREAD = "thread";
    static final String SENT_FROM = "sentFrom";
    static final String FORWARDED = "forwarded";
    static final String FROM_TICKET = "ticket";
    static final String FROM_CONTACT_RECORD = "contact_record";
    static final String FROM_PERSONAL_INBOX = "personal_inbox";

    enum Kind {
        /** A user emailed the customer from the ticket: status A. */
        TO_CUSTOMER,
        /** The customer replied in one of the ticket's threads: status B, or a closed ticket reopened. */
        CUSTOMER_REPLY,
        NOT_COUNTED
    }

    static TicketEmail of(Activity activity) {
        String thread = blankToNull(activity.attributes().get(THREAD));
        String sentFrom = blankToNull(activity.attributes().get(SENT_FROM));
        sentFrom = sentFrom == null ? null : sentFrom.toLowerCase(Locale.ROOT);
        ActivityType type = activity.type();
        if (type != ActivityType.EMAIL_SENT && type != ActivityType.EMAIL_REPLIED && type != ActivityType.EMAIL_FORWARDED) {
            return notCounted(thread, "not an email sent or received");
        }
        if (type == ActivityType.EMAIL_FORWARDED
                || "true".equalsIgnoreCase(blankToNull(activity.attributes().get(FORWARDED)))) {
            return notCounted(thread, "a forwarded email, or a reply to one");
        }
        if (activity.actor().kind() == Activity.ActorKind.USER) {
            return FROM_TICKET.equals(sentFrom) ? new TicketEmail(Kind.TO_CUSTOMER, thread, "")
                    : notCounted(thread, notFromTheTicket(sentFrom));
        }
        if (type != ActivityType.EMAIL_REPLIED) {
            return notCounted(thread, "an email the contact started, not a reply");
        }
        // A reply on the ticket is on one of its threads; one that names none cannot be placed in
        // any, so it neither counts for the reply rule nor reopens a closed ticket.
        return thread == null ? notCounted(null, "a reply that names no thread")
                : new TicketEmail(Kind.CUSTOMER_REPLY, thread, "");
    }

    private static String notFromTheTicket(String sentFrom) {
        if (sentFrom == null) {
            return "does not say it was sent from the ticket (no sentFrom)";
        }
        return switch (sentFrom) {
            case FROM_PERSONAL_INBOX -> "sent from a user's personal inbox";
            case FROM_CONTACT_RECORD -> "sent from the contact's record, not from the ticket";
            default -> "sent from '" + sentFrom + "', not from the ticket";
        };
    }

    private static TicketEmail notCounted(String thread, String why) {
        return new TicketEmail(Kind.NOT_COUNTED, thread, why);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
