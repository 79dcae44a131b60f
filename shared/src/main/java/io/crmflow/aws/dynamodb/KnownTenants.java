package io.crmflow.aws.dynamodb;

import io.crmflow.model.Tenant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tenants a process has read, the least recently used dropped past a thousand. A tenant is
 * written once, on condition that it does not exist, and never changed or deleted (no route or
 * write does either), so one found may be kept for as long as the process lives: every event
 * and step names its tenant, and would otherwise read it again each time. A tenant not found is
 * not kept, since it may be created a moment later. Thread-safe.
 */
final class KnownTenants {
    private static final int MAX_ENTRIES = 1_000;
    private final Map<String, Tenant> tenants = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tenant> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized Optional<Tenant> get(String tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }

    synchronized void keep(Tenant tenant) {
        tenants.put(tenant.id(), tenant);
    }
}
