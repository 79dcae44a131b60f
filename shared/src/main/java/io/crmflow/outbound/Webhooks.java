package io.crmflow.outbound;

/**
 * Delivers webhooks: signs the payload, posts it, and retries within its own time limit. Every
 * answer it knows the meaning of is a {@link WebhookResult}; a thrown exception means it is not
 * known whether the receiver got the post. Thread-safe.
 */
public interface Webhooks {

    /**
     * @return delivered, with the receiver's status and the attempts made; or not delivered, with
     *         why (a target refused, a 4xx, the time limit reached …)
     */
    WebhookResult post(WebhookPost post);
}
