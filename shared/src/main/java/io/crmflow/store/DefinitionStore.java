package io.crmflow.store;

import io.crmflow.definition.CrmList;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Pipeline;
import io.crmflow.model.Tenant;
import io.crmflow.model.TicketEmailRules;
import io.crmflow.model.WebhookSettings;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads tenants and definitions. Writes go through {@link TransactionalWriter} so a workflow,
 * its version history and its trigger-index entry change together. Thread-safe.
 */
public interface DefinitionStore {

    Optional<Tenant> tenant(String tenantId);

    /** The tenant's webhook settings, signing secret included; empty until it sets them. */
    Optional<WebhookSettings> webhookSettings(String tenantId);

    /** A custom object type registered by the tenant (standard types live in code). */
    Optional<ObjectType> customObjectType(String tenantId, String name);

    /** The current version of a workflow. */
    Optional<WorkflowDefinition> workflow(String tenantId, String workflowId);

    /**
     * The current versions of those of {@code workflowIds} that exist, by id: one read for many
     * (a pipeline's stage workflows), not one per workflow.
     */
    Map<String, WorkflowDefinition> workflows(String tenantId, Collection<String> workflowIds);

    /** One saved version of a workflow. */
    Optional<WorkflowDefinition> workflowVersion(String tenantId, String workflowId, long version);

    /** The tenant's workflows in id order, a page at a time. */
    Page<WorkflowDefinition> workflows(String tenantId, String cursor, int limit);

    /**
     * The enabled workflows on {@code objectType} that have enrollment criteria: the trigger
     * index, one Query, never a pass over every workflow. In id order.
     */
    List<WorkflowDefinition> triggeredWorkflows(String tenantId, String objectType);

    Optional<CrmList> list(String tenantId, String listId);

    /** The tenant's lists in id order, a page at a time. */
    Page<CrmList> lists(String tenantId, String cursor, int limit);

    Optional<Pipeline> pipeline(String tenantId, String objectType, String pipelineId);

    /** In id order. */
    List<Pipeline> pipelines(String tenantId, String objectType);

    /** A ticket pipeline's status-from-email rules (R-PIPE-3); empty until they are saved. */
    Optional<TicketEmailRules> ticketEmailRules(String tenantId, String pipelineId);

    /** The tenant's own text of a default email (R-PIPE-6); empty while it uses the shipped one. */
    Optional<io.crmflow.definition.EmailTemplate> emailTemplate(String tenantId, String templateId);

    /** The comments left on a workflow's actions (R-PIPE-2), oldest first. */
    List<io.crmflow.definition.ActionComment> actionComments(String tenantId, String workflowId);

    /** The default lead pipeline's templated automations as saved; empty until first saved (defaults apply). */
    Optional<io.crmflow.definition.LeadAutomations> leadAutomations(String tenantId);
}
