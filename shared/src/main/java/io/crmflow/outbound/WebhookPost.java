package io.crmflow.outbound;

import java.util.Objects;

/**
 * One webhook to deliver: where, what, and with which of the tenant's settings.
 *
 * @param deliveryId          stable for the workflow step that posts it, sent as a header so a
 *                            receiver can drop a repeat
 * @param signingSecret       the tenant's HMAC key; never logged ({@link #toString()} leaves it out)
 * @param allowPrivateTargets whether the tenant allows http and private, loopback or link-local targets
 */
public record WebhookPost(String url, WebhookPayload payload, String deliveryId, String signingSecret,
                          boolean allowPrivateTargets) {
    public WebhookPost {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(signingSecret, "signingSecret");
    }

    @Override
    public String toString() {
        return "WebhookPost[url=" + url + ", deliveryId=" + deliveryId + ", allowPrivateTargets=" + allowPrivateTargets
                + "]";
    }
}
