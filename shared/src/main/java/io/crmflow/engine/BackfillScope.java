package io.crmflow.engine;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Tenant;
import io.crmflow.store.DefinitionStore;

/**
 * What every record of one backfill page is matched against (R-WF-8), resolved once per page
 * rather than per record: the tenant, the workflow as the page read it, and the schemas its
 * criteria read (a custom object type costs a read). Immutable.
 *
 * @param workflow one whose triggers records can meet as they stand ({@link Backfills#matchable})
 * @param why      the reason each enrollment's history gives
 */
record BackfillScope(Tenant tenant, WorkflowDefinition workflow, TenantSchemas schemas, ObjectType schema, String why) {
    BackfillScope {
        if (!Backfills.matchable(workflow)) {
            throw new IllegalArgumentException("workflow '" + workflow.id() + "' has no triggers an existing record"
                    + " can meet as it stands");
        }
    }

    /** @throws InvalidMessageException when the tenant no longer has the workflow's object type */
    static BackfillScope of(DefinitionStore definitions, Tenant tenant, WorkflowDefinition workflow, String why) {
        var schemas = new TenantSchemas(definitions, tenant.id());
        ObjectType schema = schemas.objectType(workflow.objectType()).orElseThrow(() -> new InvalidMessageException(
                "workflow '" + workflow.id() + "' is based on object type '" + workflow.objectType()
                        + "', which tenant '" + tenant.id() + "' does not have"));
        return new BackfillScope(tenant, workflow, schemas, schema, why);
    }
}
