package io.crmflow.store;

import io.crmflow.model.SecretRef;
import java.util.Optional;

/**
 * Where secrets are kept instead of the table: encrypted, readable only by the functions that
 * need them (deployed, SSM Parameter Store SecureStrings). A secret is written under a tenant
 * and a name; each write is a new version, and the table keeps the {@link SecretRef} it
 * returns. Implementations are thread-safe.
 */
public interface SecretStore {

    /**
     * Writes a new version of a tenant's secret.
     *
     * @param name what the secret is, the same for every tenant (e.g. {@code webhook-signing-secret})
     * @return the reference to keep: the secret's name in the store and the version just written
     */
    SecretRef put(String tenantId, String name, String value);

    /**
     * The value of exactly the version referenced.
     *
     * @return empty when the store no longer has it (deleted, or a version the store forgot)
     */
    Optional<String> get(SecretRef ref);
}
