package io.crmflow.model;

/**
 * A tenant's settings for the webhook action (R-WF-4): where the secret its webhooks are signed
 * with is kept, and whether they may go to private, loopback or link-local addresses (off unless
 * the tenant turns it on — a webhook must not become a way into the network the engine runs in).
 *
 * <p>The secret itself lives in the secret store (SSM Parameter Store, encrypted); the table
 * keeps only {@link #signingSecretRef()}. Items written before that still hold the secret in
 * {@link #signingSecret()}: it is read and used as it is, and moved to the store at the
 * settings' next save — a {@code PutWebhookSettings} write refuses it, so it is never written
 * again. The API never shows either: reads get {@link #summary()}; {@link #toString()} leaves
 * the secret out too, so a log line cannot leak it.
 *
 * @param signingSecretRef where the HMAC key of the signature header is kept; null when none is set
 *                         or the item still holds the key itself
 * @param signingSecret    the key itself, only as an item written before keys moved to the secret
 *                         store holds it; null otherwise
 */
public record WebhookSettings(SecretRef signingSecretRef, boolean allowPrivateTargets, String signingSecret) {
    /** What a tenant has before it sets anything: no secret, public targets only. */
    public static final WebhookSettings NONE = new WebhookSettings(null, false);
    /** Stands for a secret that is set where the API does not say: see {@link #shown(Summary)}. */
    private static final SecretRef NOT_SHOWN = new SecretRef("(set; not shown)", 1);

    public WebhookSettings {
        if (signingSecret != null && signingSecret.isEmpty()) {
            signingSecret = null;
        }
    }

    /** Settings as they are saved: the secret, if any, by reference. */
    public WebhookSettings(SecretRef signingSecretRef, boolean allowPrivateTargets) {
        this(signingSecretRef, allowPrivateTargets, null);
    }

    /**
     * Settings known only from what the API shows — whether a secret is set, not where it is
     * kept — for a client that checks workflows against them before sending them. Never saved
     * or signed with: the reference they hold names nothing.
     */
    public static WebhookSettings shown(Summary summary) {
        return new WebhookSettings(summary.signingSecretSet() ? NOT_SHOWN : null, summary.allowPrivateTargets());
    }

    public boolean hasSecret() {
        return signingSecretRef != null || signingSecret != null;
    }

    /** Whether the item holds the key itself, as items written before the secret store do. */
    public boolean holdsSecretInline() {
        return signingSecret != null;
    }

    public Summary summary() {
        return new Summary(hasSecret(), allowPrivateTargets);
    }

    /** The settings as the API shows them: whether a secret is set, never the secret. */
    public record Summary(boolean signingSecretSet, boolean allowPrivateTargets) {
    }

    @Override
    public String toString() {
        String secret = signingSecretRef != null ? signingSecretRef.toString()
                : signingSecret != null ? "(held inline)" : "(none)";
        return "WebhookSettings[signingSecret=" + secret + ", allowPrivateTargets=" + allowPrivateTargets + "]";
    }
}
