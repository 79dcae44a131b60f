package io.crmflow.engine;

import io.crmflow.model.SecretRef;
import io.crmflow.model.WebhookSettings;
import io.crmflow.store.SecretStore;
import java.util.Optional;

/**
 * Keeps a tenant's webhook signing secret in the {@link SecretStore}, the table holding only its
 * reference, and reads it back when a webhook is signed. Stateless.
 */
final class SigningSecrets {
    /** The secret's name under each tenant in the store. */
    static final String NAME = "webhook-signing-secret";

    private SigningSecrets() {
    }

    /**
     * The settings to save: a new secret written to the store; else a secret the item still held
     * itself, moved there now; else the reference as it was. The store is written before the
     * table: should the table's commit then fail, the new version is simply never referenced.
     *
     * @param newSecret           null keeps the current secret
     * @param allowPrivateTargets null keeps the current setting
     */
    static WebhookSettings toSave(SecretStore store, String tenantId, WebhookSettings current, String newSecret,
                                  Boolean allowPrivateTargets) {
        SecretRef ref;
        if (newSecret != null) {
            ref = store.put(tenantId, NAME, newSecret);
        } else if (current.holdsSecretInline()) {
            ref = store.put(tenantId, NAME, current.signingSecret());
        } else {
            ref = current.signingSecretRef();
        }
        return new WebhookSettings(ref,
                allowPrivateTargets != null ? allowPrivateTargets : current.allowPrivateTargets());
    }

    /** The key to sign with: the referenced version, or the one an item written before the store holds itself. */
    static Optional<String> read(SecretStore store, WebhookSettings settings) {
        if (settings.holdsSecretInline()) {
            return Optional.of(settings.signingSecret());
        }
        return settings.signingSecretRef() == null ? Optional.empty() : store.get(settings.signingSecretRef());
    }
}
