package io.crmflow.aws.dynamodb;

import io.crmflow.definition.CrmList;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Pipeline;
import io.crmflow.model.Tenant;
import io.crmflow.model.TicketEmailRules;
import io.crmflow.model.WebhookSettings;
import io.crmflow.store.DefinitionStore;
import io.crmflow.store.Page;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Tenants and definitions from the single table: each by key (several workflows by
 * BatchGetItem), a tenant's workflows through
 * {@code gsi1}, and the workflows an object type's events may trigger from the trigger index,
 * one Query on its partition.
 *
 * <p>Thread-safe: holds the (thread-safe) client, the table name and the tenants read so far
 * ({@link KnownTenants}: a tenant never changes once written).
 */
public final class DynamoDbDefinitionStore implements DefinitionStore {
    private final DynamoDbClient client;
    private final String table;
    private final KnownTenants knownTenants = new KnownTenants();

    public DynamoDbDefinitionStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.table = tableName;
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        Optional<Tenant> known = knownTenants.get(tenantId);
        if (known.isPresent()) {
            return known;
        }
        Optional<Tenant> read = get(Keys.tenant(tenantId), Keys.TENANT_SK, Tenant.class);
        read.ifPresent(knownTenants::keep);
        return read;
    }

    @Override
    public Optional<WebhookSettings> webhookSettings(String tenantId) {
        return get(Keys.tenant(tenantId), Keys.WEBHOOK_SETTINGS_SK, WebhookSettings.class);
    }

    @Override
    public Optional<ObjectType> customObjectType(String tenantId, String name) {
        return get(Keys.tenant(tenantId), Keys.objectTypeSk(name), ObjectType.class);
    }

    @Override
    public Optional<WorkflowDefinition> workflow(String tenantId, String workflowId) {
        return get(Keys.workflow(tenantId, workflowId), Keys.CURRENT_SK, WorkflowDefinition.class);
    }

    @Override
    public Map<String, WorkflowDefinition> workflows(String tenantId, Collection<String> workflowIds) {
        // BatchGetItem refuses a key asked twice.
        List<String> distinct = List.copyOf(new LinkedHashSet<>(workflowIds));
        Map<String, WorkflowDefinition> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += BatchGet.MAX_KEYS) {
            List<Map<String, AttributeValue>> keys = distinct.subList(from, Math.min(distinct.size(),
                    from + BatchGet.MAX_KEYS)).stream()
                    .map(id -> Items.key(Keys.workflow(tenantId, id), Keys.CURRENT_SK)).toList();
            BatchGet.items(client, table, keys).stream()
                    .map(item -> DefinitionCodec.read(item, WorkflowDefinition.class))
                    .forEach(wf -> found.put(wf.id(), wf));
        }
        return found;
    }

    @Override
    public Optional<WorkflowDefinition> workflowVersion(String tenantId, String workflowId, long version) {
        return get(Keys.workflow(tenantId, workflowId), Keys.workflowVersionSk(version), WorkflowDefinition.class);
    }

    @Override
    public Page<WorkflowDefinition> workflows(String tenantId, String cursor, int limit) {
        String partition = Keys.workflows(tenantId);
        QueryRequest query = Queries.gsi1(table, partition, true);
        return Paging.page(client, query, Paging.Shape.GSI1, partition, cursor, limit,
                item -> DefinitionCodec.read(item, WorkflowDefinition.class));
    }

    @Override
    public List<WorkflowDefinition> triggeredWorkflows(String tenantId, String objectType) {
        return partition(Keys.triggers(tenantId, objectType), WorkflowDefinition.class);
    }

    @Override
    public Optional<CrmList> list(String tenantId, String listId) {
        return get(Keys.list(tenantId, listId), Keys.LIST_DEFINITION_SK, CrmList.class);
    }

    @Override
    public Page<CrmList> lists(String tenantId, String cursor, int limit) {
        String partition = Keys.lists(tenantId);
        return Paging.page(client, Queries.gsi1(table, partition, true), Paging.Shape.GSI1, partition, cursor, limit,
                item -> DefinitionCodec.read(item, CrmList.class));
    }

    @Override
    public Optional<Pipeline> pipeline(String tenantId, String objectType, String pipelineId) {
        return get(Keys.pipelines(tenantId, objectType), pipelineId, Pipeline.class);
    }

    @Override
    public List<Pipeline> pipelines(String tenantId, String objectType) {
        return partition(Keys.pipelines(tenantId, objectType), Pipeline.class);
    }

    @Override
    public Optional<TicketEmailRules> ticketEmailRules(String tenantId, String pipelineId) {
        return get(Keys.ticketEmailRules(tenantId), pipelineId, TicketEmailRules.class);
    }

    @Override
    public Optional<io.crmflow.definition.EmailTemplate> emailTemplate(String tenantId, String templateId) {
        return get(Keys.tenant(tenantId), Keys.emailTemplateSk(templateId), io.crmflow.definition.EmailTemplate.class);
    }

    @Override
    public List<io.crmflow.definition.ActionComment> actionComments(String tenantId, String workflowId) {
        QueryRequest query = Queries.withPrefix(table, Keys.workflow(tenantId, workflowId), Keys.COMMENT_PREFIX, true);
        return Paging.all(client, query).stream()
                .map(item -> DefinitionCodec.read(item, io.crmflow.definition.ActionComment.class)).toList();
    }

    @Override
    public Optional<io.crmflow.definition.LeadAutomations> leadAutomations(String tenantId) {
        return get(Keys.leadAutomations(tenantId), io.crmflow.definition.LeadAutomations.PIPELINE_ID,
                io.crmflow.definition.LeadAutomations.class);
    }

    private <T> Optional<T> get(String pk, String sk, Class<T> type) {
        return ConsistentGet.json(client, table, Items.key(pk, sk), type);
    }

    private <T> List<T> partition(String pk, Class<T> type) {
        QueryRequest query = Queries.partition(table, pk);
        return Paging.all(client, query).stream()
                .map((Map<String, AttributeValue> item) -> DefinitionCodec.read(item, type)).toList();
    }
}
