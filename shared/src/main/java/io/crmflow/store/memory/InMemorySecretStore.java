package io.crmflow.store.memory;

import io.crmflow.model.SecretRef;
import io.crmflow.store.SecretStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets kept in the process, every version of each: for tests and simulations, whose data is
 * in memory too. Names are {@code tenants/{tenantId}/{name}}. Thread-safe.
 */
public final class InMemorySecretStore implements SecretStore {
    private final Map<String, List<String>> versions = new ConcurrentHashMap<>();

    @Override
    public SecretRef put(String tenantId, String name, String value) {
        String key = "tenants/" + tenantId + "/" + name;
        List<String> values = versions.computeIfAbsent(key, k -> new ArrayList<>());
        synchronized (values) {
            values.add(value);
            return new SecretRef(key, values.size());
        }
    }

    @Override
    public Optional<String> get(SecretRef ref) {
        List<String> values = versions.get(ref.name());
        if (values == null) {
            return Optional.empty();
        }
        synchronized (values) {
            return ref.version() <= values.size() ? Optional.of(values.get((int) ref.version() - 1)) : Optional.empty();
        }
    }
}
