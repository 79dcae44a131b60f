package io.crmflow.outbound;

import java.util.List;

/**
 * An email ready to send: tokens already replaced. One message, however many recipients: an
 * internal notification goes to everyone it names at once, so it is sent — and made exactly
 * once — as one.
 *
 * @param recipients     one or more addresses, at most {@link #MAX_RECIPIENTS}, all in To
 * @param idempotencyKey a short id of the workflow step that sends it (letters, digits, '-'),
 *                       passed to the provider as a tag so a duplicate could be traced
 */
public record OutgoingEmail(String from, List<String> recipients, String subject, String textBody,
                            String idempotencyKey) {
    /** SES refuses a message with more recipients than this. */
    public static final int MAX_RECIPIENTS = 50;

    public OutgoingEmail {
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("an email goes to 1 to " + MAX_RECIPIENTS + " addresses, not "
                    + recipients.size());
        }
    }

    /** An email to one address. */
    public OutgoingEmail(String from, String to, String subject, String textBody, String idempotencyKey) {
        this(from, List.of(to), subject, textBody, idempotencyKey);
    }

    /** The To header as written: the one address of most emails, or every recipient's, comma-separated. */
    public String to() {
        return String.join(", ", recipients);
    }
}
