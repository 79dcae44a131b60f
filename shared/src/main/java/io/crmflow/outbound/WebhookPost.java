package io.crmflow.outbound;

import java.util.Objects;

/**
 * One webhook to deliver: where, what, and with which of the tenant's settings.
 *
 * @param signingSecret       the tenant's HMAC key; never logged ({@link #toString()} leaves it out)
 * @param allowPrivateTargets whether the tenant allows http and private, loopback or link-local targets
 */
public record WebhookPost(String url, WebhookPayload payload, String signingSecret, boolean allowPrivateTargets) {
    public WebhookPost {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(signingSecret, "signingSecret");
    }

    /**
     * The payload's delivery id, stable for the workflow step that posts it: sent as a header
     * too, so a receiver can drop a repeat without reading the body.
     */
    public String deliveryId() {
        return payload.deliveryId();
    }

    @Override
    public String toString() {
        return "WebhookPost[url=" + url + ", deliveryId=" + deliveryId() + ", allowPrivateTargets=" + allowPrivateTargets
                + "]";
    }
}
