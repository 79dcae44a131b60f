package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.ActionComment;
import io.crmflow.definition.ActionEdges;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PipelineStage;
import io.crmflow.store.ConflictException;
import io.crmflow.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A pipeline's "automate" view (R-PIPE-1, R-PIPE-2): per stage, the actions that run when a
 * record enters it, kept as that stage's workflow ({@link StageWorkflows}) and saved through
 * {@link DefinitionService} like any workflow, so every check, version and counter is the
 * workflows' own. Thread-safe.
 */
public final class StageAutomation {
    private final Ports ports;
    private final DefinitionService definitions;

    public StageAutomation(Ports ports, DefinitionService definitions) {
        this.ports = ports;
        this.definitions = definitions;
    }

    /** A pipeline and, per stage in order, what runs on entering it. */
    public record PipelineView(String objectType, String pipelineId, String label, List<StageView> stages) {
    }

    /**
     * One stage's actions.
     *
     * @param workflowId the stage's workflow, also before it exists ("open in workflows")
     * @param version    0 while the stage has no workflow
     * @param comments   the comments on its actions, oldest first; those on deleted actions are left out
     */
    public record StageView(String stageId, String label, String workflowId, boolean enabled, long version,
                            String firstActionId, List<Action> actions, List<ActionComment> comments) {
    }

    /** @throws NotFoundException when the type, the pipeline or its stages do not exist */
    public PipelineView view(String tenantId, String objectType, String pipelineId) {
        Pipeline pipeline = pipeline(tenantId, objectType, pipelineId, false);
        List<String> ids = pipeline.stages().stream()
                .map(stage -> StageWorkflows.idFor(objectType, pipelineId, stage.id())).toList();
        Map<String, WorkflowDefinition> workflows = ports.definitions().workflows(tenantId, ids);
        List<StageView> stages = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            PipelineStage stage = pipeline.stages().get(i);
            String id = ids.get(i);
            WorkflowDefinition wf = workflows.get(id);
            if (wf == null) {
                stages.add(new StageView(stage.id(), stage.label(), id, false, 0, null, List.of(), List.of()));
                continue;
            }
            stages.add(new StageView(stage.id(), stage.label(), id, wf.enabled(), wf.version(), wf.firstActionId(),
                    wf.actions(), comments(tenantId, wf)));
        }
        return new PipelineView(objectType, pipelineId, pipeline.label(), stages);
    }

    /** The comments on the workflow's actions; one without actions has none to show, and is not asked. */
    private List<ActionComment> comments(String tenantId, WorkflowDefinition wf) {
        if (wf.actions().isEmpty()) {
            return List.of();
        }
        Set<String> actionIds = new HashSet<>();
        wf.actions().forEach(a -> actionIds.add(a.id()));
        return ports.definitions().actionComments(tenantId, wf.id()).stream()
                .filter(c -> actionIds.contains(c.actionId())).toList();
    }

    /**
     * Sets a stage's actions: creates its workflow, switched on, the first time; later saves a
     * new version of it, keeping its trigger (criteria added in the workflow editor stay) and
     * its switch.
     *
     * @param firstActionId null for the first of {@code actions}
     */
    public WorkflowDefinition setActions(String tenantId, String objectType, String pipelineId, String stageId,
                                         String firstActionId, List<Action> actions) {
        String id = StageWorkflows.idFor(objectType, pipelineId, stageId);
        return save(tenantId, objectType, pipelineId, stageId, ports.definitions().workflow(tenantId, id),
                firstActionId, actions);
    }

    /**
     * Saves the stage's actions over {@code read}, the workflow as this edit found it: a save
     * made by someone else since is refused (409), not overwritten.
     */
    private WorkflowDefinition save(String tenantId, String objectType, String pipelineId, String stageId,
                                    Optional<WorkflowDefinition> read, String firstActionId, List<Action> actions) {
        Pipeline pipeline = pipeline(tenantId, objectType, pipelineId, true);
        PipelineStage stage = stage(pipeline, stageId);
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) == null) {
                throw InvalidInputException.of("/actions/" + i, "an action is an object with a type and an id, not null");
            }
        }
        String first = firstActionId != null || actions.isEmpty() ? firstActionId : actions.get(0).id();
        WorkflowDefinition wf = read.map(existing -> existing.withActions(first, actions))
                .orElseGet(() -> StageWorkflows.create(tenantId, pipeline, stage, first, actions));
        return definitions.saveWorkflow(wf, read);
    }

    /**
     * Adds one action after {@code after}, which then leads to it, and it to where {@code after}
     * led; without {@code after}, at the end of the stage's chain of actions.
     */
    public WorkflowDefinition addAction(String tenantId, String objectType, String pipelineId, String stageId,
                                        Action action, String after) {
        String id = StageWorkflows.idFor(objectType, pipelineId, stageId);
        Optional<WorkflowDefinition> existing = ports.definitions().workflow(tenantId, id);
        if (existing.isEmpty() || existing.get().actions().isEmpty()) {
            if (after != null) {
                throw InvalidInputException.of("/query/after", "the stage has no actions yet; add the first without"
                        + " 'after'");
            }
            return save(tenantId, objectType, pipelineId, stageId, existing, action.id(), List.of(action));
        }
        WorkflowDefinition wf = existing.get();
        Action before = after != null ? wf.action(after).orElseThrow(() -> InvalidInputException.of("/query/after",
                "the stage's workflow has no action '" + after + "'")) : last(wf);
        if (ActionEdges.outcomes(before).size() > 1) {
            throw InvalidInputException.of("/query/after", "action '" + before.id() + "' has several ways out; add "
                    + "the action on one of them in the workflow editor");
        }
        List<Action> actions = new ArrayList<>();
        for (Action a : wf.actions()) {
            actions.add(a.id().equals(before.id()) ? ActionEdges.withNext(a, action.id()) : a);
        }
        actions.add(ActionEdges.withNext(action, before.next()));
        return save(tenantId, objectType, pipelineId, stageId, existing, wf.firstActionId(), actions);
    }

    /** Replaces one action of the stage, keeping where it leads unless {@code action} says otherwise. */
    public WorkflowDefinition editAction(String tenantId, String objectType, String pipelineId, String stageId,
                                         String actionId, Action action) {
        WorkflowDefinition wf = stageWorkflow(tenantId, objectType, pipelineId, stageId);
        if (wf.action(actionId).isEmpty()) {
            throw new NotFoundException("the stage's workflow '" + wf.id() + "' has no action '" + actionId + "'");
        }
        if (!actionId.equals(action.id())) {
            throw InvalidInputException.of("/id", "the action's id is '" + actionId + "'; an edit keeps it");
        }
        List<Action> actions = wf.actions().stream().map(a -> a.id().equals(actionId) ? action : a).toList();
        return save(tenantId, objectType, pipelineId, stageId, Optional.of(wf), wf.firstActionId(), actions);
    }

    /** The stage's workflow; none yet is a 404 that says so. */
    private WorkflowDefinition stageWorkflow(String tenantId, String objectType, String pipelineId, String stageId) {
        stage(pipeline(tenantId, objectType, pipelineId, false), stageId);
        String id = StageWorkflows.idFor(objectType, pipelineId, stageId);
        return ports.definitions().workflow(tenantId, id).orElseThrow(() -> new NotFoundException("stage '" + stageId
                + "' of pipeline '" + pipelineId + "' has no actions yet (its workflow '" + id + "' does not exist)"));
    }

    /**
     * Leaves a comment on an action of a workflow, stage workflow or not. It is kept beside the
     * workflow: no new version, nothing an enrollment sees.
     */
    public ActionComment comment(String tenantId, String workflowId, String actionId, String author, String text,
                                 Instant now) {
        WorkflowDefinition wf = ports.definitions().workflow(tenantId, workflowId)
                .orElseThrow(() -> new NotFoundException("workflow '" + workflowId + "' does not exist"));
        if (wf.action(actionId).isEmpty()) {
            throw new NotFoundException("workflow '" + workflowId + "' has no action '" + actionId + "'");
        }
        if (author == null || author.isBlank()) {
            throw InvalidInputException.of("/headers/x-crmflow-user", "a comment is signed: name its author");
        }
        ActionComment comment;
        try {
            comment = new ActionComment(ports.ids().get(), workflowId, actionId, author, text, now);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidInputException.of("/text", e.getMessage());
        }
        try {
            ports.writer().commit(List.of(new Write.PutActionComment(tenantId, comment)));
        } catch (ConflictException e) {
            throw new ConcurrentChangeException("comment id '" + comment.id() + "' was taken; send it again");
        }
        return comment;
    }

    /** Following {@code next} from the first action: the chain's end, where an added action goes. */
    private static Action last(WorkflowDefinition wf) {
        Action at = wf.action(wf.firstActionId()).orElseThrow();
        Set<String> seen = new HashSet<>();
        while (seen.add(at.id())) {
            if (ActionEdges.outcomes(at).size() > 1) {
                throw InvalidInputException.of("/query/after", "the stage's actions branch at '" + at.id()
                        + "'; say after which action to add it");
            }
            Optional<Action> next = wf.action(at.next());
            if (next.isEmpty()) {
                return at;
            }
            at = next.get();
        }
        throw InvalidInputException.of("/query/after", "the stage's actions loop; say after which action to add it");
    }

    /**
     * @param saving whether a save asks (bad input, 400 with a pointer into the path) or a read
     *               (what is not there, 404)
     */
    private Pipeline pipeline(String tenantId, String objectType, String pipelineId, boolean saving) {
        ports.definitions().tenant(tenantId)
                .orElseThrow(() -> new NotFoundException("tenant '" + tenantId + "' does not exist"));
        Optional<ObjectType> type = new TenantSchemas(ports.definitions(), tenantId).objectType(objectType);
        if (type.isEmpty()) {
            throw missing(saving, "/path/type", "object type '" + objectType + "' does not exist");
        }
        if (!StageWorkflows.hasPipelines(type.get())) {
            throw InvalidInputException.of("/path/type", objectType + " records have no pipeline; stage automation is "
                    + "for deals, tickets, leads, projects and custom objects with a pipeline");
        }
        // Not found even on a save: a pipeline the tenant lacks answers as any other tenant's would.
        return ports.definitions().pipeline(tenantId, objectType, pipelineId).orElseThrow(() -> new NotFoundException(
                objectType + " pipeline '" + pipelineId + "' does not exist"));
    }

    private static PipelineStage stage(Pipeline pipeline, String stageId) {
        return pipeline.stage(stageId).orElseThrow(() -> InvalidInputException.of("/path/stageId", "pipeline '"
                + pipeline.id() + "' has no stage '" + stageId + "'; its stages: "
                + pipeline.stages().stream().map(PipelineStage::id).toList()));
    }

    private static RuntimeException missing(boolean saving, String pointer, String message) {
        return saving ? InvalidInputException.of(pointer, message) : new NotFoundException(message);
    }
}
