package io.crmflow.outbound;

/**
 * An email ready to send: tokens already replaced.
 *
 * @param idempotencyKey a short id of the workflow step that sends it (letters, digits, '-'),
 *                       passed to the provider as a tag so a duplicate could be traced
 */
public record OutgoingEmail(String from, String to, String subject, String textBody, String idempotencyKey) {
}
