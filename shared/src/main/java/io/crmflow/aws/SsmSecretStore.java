package io.crmflow.aws;

import io.crmflow.model.SecretRef;
import io.crmflow.store.SecretStore;
import java.time.Clock;
import java.util.Optional;

/**
 * Secrets as SSM Parameter Store {@code SecureString}s, encrypted with the account's {@code
 * aws/ssm} KMS key, named {@code {prefix}/tenants/{tenant}/{name}} — the prefix is the
 * deployment's ({@code /crmflow/{stack}}), so IAM can grant each function exactly that path.
 * Each put overwrites the parameter, which makes a new version; a reference reads its version
 * with a selector ({@code name:3}), so the value read is always the one that was referenced.
 *
 * <p>Reads go through a small cache ({@link SecretCache}): a rotation — a new version, a new
 * reference — is read from SSM at once, and a value is read again once it is a few minutes old,
 * in case its parameter was deleted and written again under the same version. Thread-safe.
 */
public final class SsmSecretStore implements SecretStore {
    private final ParameterStoreClient ssm;
    private final String prefix;
    private final SecretCache cache;

    /**
     * @param prefix the path every parameter is under, without a trailing '/' (e.g. {@code /crmflow/prod})
     * @param clock  the process's own time, which ages the values read
     */
    public SsmSecretStore(ParameterStoreClient ssm, String prefix, Clock clock) {
        this.ssm = ssm;
        this.cache = new SecretCache(clock);
        this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    @Override
    public SecretRef put(String tenantId, String name, String value) {
        String parameter = prefix + "/tenants/" + ParameterNames.segment(tenantId) + "/" + name;
        long version = ssm.putSecureString(parameter, value);
        SecretRef ref = new SecretRef(parameter, version);
        cache.put(ref, value);
        return ref;
    }

    @Override
    public Optional<String> get(SecretRef ref) {
        Optional<String> cached = cache.get(ref);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<String> value = ssm.getDecrypted(ref.name() + ":" + ref.version());
        value.ifPresent(v -> cache.put(ref, v));
        return value;
    }
}
