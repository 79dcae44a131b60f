package io.crmflow.model;

/**
 * A tenant's settings for the webhook action (R-WF-4): the secret its webhooks are signed with,
 * and whether they may go to private, loopback or link-local addresses (off unless the tenant
 * turns it on — a webhook must not become a way into the network the engine runs in).
 *
 * <p>The secret is kept in the table and never leaves through the API: reads get
 * {@link #summary()}. {@link #toString()} leaves it out too, so a log line cannot leak it.
 *
 * @param signingSecret the HMAC key of the signature header; null when none has been set
 */
public record WebhookSettings(String signingSecret, boolean allowPrivateTargets) {
    /** What a tenant has before it sets anything: no secret, public targets only. */
    public static final WebhookSettings NONE = new WebhookSettings(null, false);

    public boolean hasSecret() {
        return signingSecret != null && !signingSecret.isEmpty();
    }

    public Summary summary() {
        return new Summary(hasSecret(), allowPrivateTargets);
    }

    /** The settings as the API shows them: whether a secret is set, never the secret. */
    public record Summary(boolean signingSecretSet, boolean allowPrivateTargets) {
    }

    @Override
    public String toString() {
        return "WebhookSettings[signingSecret=" + (hasSecret() ? "(set)" : "(none)") + ", allowPrivateTargets="
                + allowPrivateTargets + "]";
    }
}
