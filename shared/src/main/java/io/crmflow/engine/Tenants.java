package io.crmflow.engine;

import io.crmflow.model.NotFoundException;
import io.crmflow.model.Tenant;

/** The tenant a request names, which must exist: one lookup and one answer for every service. Stateless. */
final class Tenants {
    private Tenants() {
    }

    /** @throws NotFoundException when there is no tenant {@code tenantId} */
    static Tenant require(Ports ports, String tenantId) {
        return ports.definitions().tenant(tenantId)
                .orElseThrow(() -> new NotFoundException("tenant '" + tenantId + "' does not exist"));
    }
}
