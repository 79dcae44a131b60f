package io.crmflow.engine;

import io.crmflow.definition.CrmList;
import io.crmflow.filter.Schemas;
import io.crmflow.model.ObjectType;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.store.DefinitionStore;
import java.util.Optional;

/** The object types and lists one tenant can refer to: the standard types plus its custom ones. */
public final class TenantSchemas implements Schemas {
    private final DefinitionStore definitions;
    private final String tenantId;

    public TenantSchemas(DefinitionStore definitions, String tenantId) {
        this.definitions = definitions;
        this.tenantId = tenantId;
    }

    @Override
    public Optional<ObjectType> objectType(String name) {
        Optional<ObjectType> standard = StandardObjectTypes.byName(name);
        return standard.isPresent() ? standard : definitions.customObjectType(tenantId, name);
    }

    @Override
    public boolean listExists(String listId) {
        return list(listId).isPresent();
    }

    @Override
    public boolean workflowExists(String workflowId) {
        return definitions.workflow(tenantId, workflowId).isPresent();
    }

    public Optional<CrmList> list(String listId) {
        return definitions.list(tenantId, listId);
    }
}
