package io.crmflow.engine;

import io.crmflow.definition.CrmList;
import io.crmflow.definition.Goal;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.DefaultPipelines;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.ListKind;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Origin;
import io.crmflow.model.Pipeline;
import io.crmflow.model.RecordRef;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.model.Tenant;
import io.crmflow.model.WebhookSettings;
import io.crmflow.store.ConflictException;
import io.crmflow.store.Write;
import java.util.List;
import java.util.Map;

/**
 * Saves tenants and definitions after checking them, so nothing invalid is stored (R-FLT-3).
 * Every save is one atomic commit. Thread-safe.
 */
public final class DefinitionService {
    private final Ports ports;
    private final EngineSettings settings;
    private final EventPublisher publisher;
    private final java.time.Clock clock;

    /** @param clock "now" for the checks that depend on when a workflow is saved (a delay until a date already past) */
    public DefinitionService(Ports ports, EngineSettings settings, java.time.Clock clock) {
        this.ports = ports;
        this.settings = settings;
        this.publisher = new EventPublisher(ports.bus(), ports.outbox());
        this.clock = clock;
    }

    /** Creates a tenant with the default lead pipeline every tenant has (R-OBJ-3). */
    public Tenant createTenant(Tenant tenant) {
        try {
            ports.writer().commit(List.of(new Write.PutTenant(tenant),
                    new Write.PutPipeline(tenant.id(), DefaultPipelines.LEAD)));
        } catch (ConflictException e) {
            throw new AlreadyExistsException("tenant '" + tenant.id() + "' already exists");
        }
        return tenant;
    }

    public ObjectType putObjectType(String tenantId, ObjectType type) {
        Tenants.require(ports, tenantId);
        if (StandardObjectTypes.isStandard(type.name())) {
            throw InvalidInputException.of("/name", "'" + type.name() + "' is a standard object type; choose another name");
        }
        ports.writer().commit(List.of(new Write.PutObjectType(tenantId, type)));
        return type;
    }

    public Pipeline putPipeline(String tenantId, Pipeline pipeline) {
        List<InputProblem> problems = DefinitionChecks.pipeline(pipeline, schemas(tenantId));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ports.writer().commit(List.of(new Write.PutPipeline(tenantId, pipeline)));
        return pipeline;
    }

    public CrmList putList(String tenantId, CrmList list) {
        List<InputProblem> problems = DefinitionChecks.list(list, schemas(tenantId));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ports.writer().commit(List.of(new Write.PutList(tenantId, list)));
        return list;
    }

    /**
     * Adds a record to a static list or removes it, and tells the bus, so workflows whose
     * criteria name the list react at once (R-OBJ-7).
     */
    public void setListMembership(String tenantId, String listId, RecordRef member, boolean isMember,
                                  java.time.Instant now) {
        CrmList list = ports.definitions().list(tenantId, listId)
                .orElseThrow(() -> new NotFoundException("list '" + listId + "' does not exist"));
        if (list.kind() != ListKind.STATIC) {
            throw InvalidInputException.of("/", "list '" + listId + "' is active: its members follow its filter");
        }
        if (!list.objectType().equals(member.objectType())) {
            throw InvalidInputException.of("/objectType", "list '" + listId + "' holds " + list.objectType()
                    + " records, not " + member.objectType());
        }
        if (ports.records().record(tenantId, member).isEmpty()) {
            throw new NotFoundException(member.objectType() + " '" + member.id() + "' does not exist");
        }
        var event = new CrmEvent.ListMembershipChanged(ports.ids().get(), tenantId, member, now, Origin.api(), listId,
                isMember);
        ports.writer().commit(List.of(new Write.PutListMembership(tenantId, listId, member, isMember),
                new Write.EnqueueEvent(event, now.plus(settings.watchdog()))));
        publisher.publishCommitted(List.of(event));
    }

    /**
     * Saves a new workflow or a new version of one. The stored version number is decided here;
     * the one submitted is ignored, and so are its removed actions: an action the new version
     * leaves out is deleted, its enrollments going on to its old {@code next} if that stays,
     * else completing (R-WF-9, {@link RemovedActions}).
     */
    public WorkflowDefinition saveWorkflow(WorkflowDefinition submitted) {
        Tenant tenant = Tenants.require(ports, submitted.tenantId());
        return save(tenant, submitted, ports.definitions().workflow(submitted.tenantId(), submitted.id()), Map.of());
    }

    /**
     * Saves a new version of a workflow edited from {@code read}, the way it was when the edit
     * began (empty: it did not exist), only if nobody saved it since: an edit made meanwhile is
     * refused with {@link ConcurrentChangeException}, never silently overwritten.
     */
    public WorkflowDefinition saveWorkflow(WorkflowDefinition submitted, java.util.Optional<WorkflowDefinition> read) {
        return save(Tenants.require(ports, submitted.tenantId()), submitted, read, Map.of());
    }

    /**
     * Deletes one action of a workflow, live or not (R-WF-9): a new version, checked and saved
     * like any other, only if nobody saved the workflow since it was read.
     *
     * @param keep for a branch (or a wait for an event) deleted alone, the action of the path to keep; may be null
     */
    public WorkflowDefinition deleteAction(String tenantId, String workflowId, String actionId, DeletionMode mode,
                                           String keep) {
        Tenant tenant = Tenants.require(ports, tenantId);
        WorkflowDefinition wf = ports.definitions().workflow(tenantId, workflowId)
                .orElseThrow(() -> new NotFoundException("workflow '" + workflowId + "' does not exist"));
        var plan = ActionDeletion.plan(wf, actionId, mode, keep);
        try {
            return save(tenant, plan.edited(), java.util.Optional.of(wf), plan.redirects());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream().map(p -> new InputProblem(p.pointer(),
                    "after deleting '" + actionId + "' (mode=" + mode.wireName() + "): " + p.message())).toList());
        }
    }

    /** @param removed where the enrollments at each action this save removes go on (see {@link RemovedActions}) */
    private WorkflowDefinition save(Tenant tenant, WorkflowDefinition submitted,
                                    java.util.Optional<WorkflowDefinition> existing, Map<String, String> removed) {
        // The checks refuse a journey's workflow too (R-JRN-10), before any other problem.
        List<InputProblem> problems = DefinitionChecks.workflow(submitted, new TenantSchemas(ports.definitions(),
                tenant.id()), ports.definitions().webhookSettings(tenant.id()).orElse(WebhookSettings.NONE),
                People.of(ports.people(), tenant.id()), existing.orElse(null),
                pipelineId -> ports.definitions().pipeline(tenant.id(), submitted.objectType(), pipelineId),
                clock.instant(), tenant.timezone());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (existing.isPresent() && !existing.get().objectType().equals(submitted.objectType())) {
            throw InvalidInputException.of("/objectType", "workflow '" + submitted.id() + "' is based on "
                    + existing.get().objectType() + " and keeps that object type; create a new workflow for "
                    + submitted.objectType());
        }
        return commit(submitted.withGoal(submitted.goal().withGeneration(goalGeneration(existing, submitted)))
                        .withRemovedActions(RemovedActions.afterSave(existing.orElse(null), submitted, removed)),
                existing.map(WorkflowDefinition::version).orElse(0L));
    }

    /**
     * Removing every goal criterion starts the goal's counts and rate afresh (R-WF-13); editing
     * or adding criteria keeps them.
     */
    private static long goalGeneration(java.util.Optional<WorkflowDefinition> existing, WorkflowDefinition submitted) {
        if (existing.isEmpty()) {
            return 0;
        }
        Goal was = existing.get().goal();
        return !was.isEmpty() && submitted.goal().isEmpty() ? was.generation() + 1 : was.generation();
    }

    private WorkflowDefinition commit(WorkflowDefinition submitted, long current) {
        WorkflowDefinition saved = submitted.withVersion(current + 1);
        try {
            ports.writer().commit(List.of(new Write.PutWorkflow(saved, current)));
        } catch (ConflictException e) {
            throw new ConcurrentChangeException("workflow '" + submitted.id() + "' was changed by someone else; reload it");
        }
        return saved;
    }

    /**
     * Creates a workflow from one of the shipped templates (R-WF-1), switched off for review.
     *
     * @param workflowId null to use the template's id
     * @param name       null to use the template's name
     */
    public WorkflowDefinition createFromTemplate(String tenantId, String templateId, String workflowId, String name) {
        var template = WorkflowTemplates.byId(templateId)
                .orElseThrow(() -> new NotFoundException("there is no workflow template '" + templateId + "'; "
                        + "known: " + WorkflowTemplates.all().stream().map(t -> t.id()).toList()));
        String id = workflowId == null ? templateId : workflowId;
        if (ports.definitions().workflow(tenantId, id).isPresent()) {
            throw new AlreadyExistsException("workflow '" + id + "' already exists; give the new one another id");
        }
        return saveWorkflow(template.toWorkflow(tenantId, id, name));
    }

    public WorkflowDefinition setWorkflowEnabled(String tenantId, String workflowId, boolean enabled) {
        WorkflowDefinition wf = ports.definitions().workflow(tenantId, workflowId)
                .orElseThrow(() -> new NotFoundException("workflow '" + workflowId + "' does not exist"));
        return setWorkflowEnabled(wf, enabled);
    }

    /**
     * Switches {@code read}, the workflow as the caller read it, on or off, only if nobody saved
     * it since: an edit made meanwhile is refused with {@link ConcurrentChangeException}, never
     * overwritten with the content read.
     */
    public WorkflowDefinition setWorkflowEnabled(WorkflowDefinition read, boolean enabled) {
        if (read.enabled() == enabled) {
            return read;
        }
        JourneyWorkflows.refuseEdit(read.id());
        // Switching off must work even when the definition no longer fits a changed schema;
        // switching on checks it again, since it will run.
        return enabled ? saveWorkflow(read.withEnabled(true), java.util.Optional.of(read))
                : commit(read.withEnabled(false), read.version());
    }

    /** The tenant's webhook settings, {@link WebhookSettings#NONE} until it sets them. */
    public WebhookSettings webhookSettings(String tenantId) {
        Tenants.require(ports, tenantId);
        return ports.definitions().webhookSettings(tenantId).orElse(WebhookSettings.NONE);
    }

    /**
     * Sets a tenant's webhook signing secret and whether its webhooks may go to private targets;
     * a null leaves that setting as it is. The secret goes to the secret store and the table
     * keeps its reference; a secret an older item still held itself is moved there on this save.
     * Workflows already saved keep running: a webhook whose target the new settings refuse is
     * reported not delivered when it runs.
     */
    public WebhookSettings putWebhookSettings(String tenantId, String signingSecret, Boolean allowPrivateTargets) {
        WebhookSettings current = webhookSettings(tenantId);
        if (signingSecret != null) {
            WebhookSecrets.problem(signingSecret).ifPresent(p -> {
                throw InvalidInputException.of("/signingSecret", p);
            });
        }
        var updated = SigningSecrets.toSave(ports.secrets(), tenantId, current, signingSecret, allowPrivateTargets);
        ports.writer().commit(List.of(new Write.PutWebhookSettings(tenantId, updated)));
        return updated;
    }

    private TenantSchemas schemas(String tenantId) {
        Tenants.require(ports, tenantId);
        return new TenantSchemas(ports.definitions(), tenantId);
    }
}
