package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.local.LocalStack;
import io.crmflow.local.RequestCounts;
import io.crmflow.model.Tenant;
import io.crmflow.store.DefinitionStore;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every event and step names its tenant; a tenant never changes once written, so a function
 * reads each one from the table once. One not found is looked for again: it may be created.
 */
@DisplayName("A function reads a tenant from the table once, and one it did not find again")
class KnownTenantsTest {
    private final LocalStack stack = SharedStack.get();
    private final String tenant = SharedStack.uniqueTenant();

    @Test
    void aTenantNotFound_isReadAgain_andOnceFound_isNotReadAgain() {
        DefinitionStore definitions = stack.engine("StepFunction").ports().definitions();
        RequestCounts.Recording requests = stack.requests().record();
        try (requests) {
            assertThat(definitions.tenant(tenant)).isEmpty();
            Api.forNewTenant(stack, tenant);
            assertThat(definitions.tenant(tenant)).map(Tenant::timezone).contains(ZoneId.of("Europe/Paris"));
            assertThat(definitions.tenant(tenant)).map(Tenant::id).contains(tenant);
        }

        assertThat(requests.tallies()).filteredOn(t -> t.key().caller().equals(RequestCounts.NO_FUNCTION)
                        && t.key().operation().equals("GetItem")).singleElement()
                .satisfies(t -> assertThat(t.requests()).as("not found, then found; the third from memory").isEqualTo(2));
    }
}
