package io.crmflow.outbound;

/** What became of a webhook: the receiver took it, or it was given up, and why. */
public sealed interface WebhookResult permits WebhookResult.Delivered, WebhookResult.NotDelivered {

    /** How many requests were sent (0 when the target was refused before any). */
    int attempts();

    /** The receiver answered 2xx. */
    record Delivered(int status, int attempts) implements WebhookResult {
    }

    /** Given up: {@code reason} says why in words a workflow's owner can act on. */
    record NotDelivered(String reason, int attempts) implements WebhookResult {
    }
}
