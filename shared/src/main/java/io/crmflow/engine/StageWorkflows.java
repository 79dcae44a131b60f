package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.TriggerEvent;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Condition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.FilterGroup;
import io.crmflow.filter.Operator;
import io.crmflow.model.InputProblem;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PipelineStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pipeline stage's actions (R-PIPE-1) are an ordinary workflow: the one whose id
 * {@link #idFor} derives from (object type, pipeline, stage). Its trigger is the record entering
 * that stage — created in it, or its stage or pipeline property changing to it — whoever makes
 * the change; every entry runs it again, unless the previous run is still under way. Stateless.
 */
public final class StageWorkflows {
    /** Reserved: a workflow whose id starts with it is a stage workflow and is checked as one. */
    public static final String PREFIX = "stage:";
    private static final int MAX_ID = 100;

    private StageWorkflows() {
    }

    /**
     * {@code stage:{type}:{pipeline}:{stage}} when it reads unambiguously and fits an id;
     * otherwise {@code stage:h:{digest}}, which has one part fewer, so the two forms never meet.
     */
    public static String idFor(String objectType, String pipelineId, String stageId) {
        String readable = PREFIX + objectType + ":" + pipelineId + ":" + stageId;
        boolean plain = !objectType.contains(":") && !pipelineId.contains(":") && !stageId.contains(":");
        if (plain && readable.length() <= MAX_ID) {
            return readable;
        }
        return PREFIX + "h:" + StepIds.digest(objectType + "\n" + pipelineId + "\n" + stageId, 20);
    }

    public static boolean isStageWorkflow(String workflowId) {
        return workflowId != null && workflowId.startsWith(PREFIX);
    }

    /** Whether records of this type move through pipelines: its schema has a pipeline and a stage property. */
    public static boolean hasPipelines(ObjectType type) {
        return type.property(Pipeline.pipelineProperty(type.name())).isPresent()
                && type.property(Pipeline.stageProperty(type.name())).isPresent();
    }

    /** A new stage workflow, switched on, running {@code actions} from {@code firstActionId}. */
    public static WorkflowDefinition create(String tenantId, Pipeline pipeline, PipelineStage stage, String firstActionId,
                                            List<Action> actions) {
        String type = pipeline.objectType();
        return new WorkflowDefinition(tenantId, idFor(type, pipeline.id(), stage.id()),
                pipeline.label() + ": " + stage.label(), type, 0, true, trigger(pipeline, stage), firstActionId, actions);
    }

    /**
     * Entering the stage: created in it, or the stage (or the pipeline, for a record keeping a
     * stage id the new pipeline also has) changing to it; re-enrollment on, so each entry runs.
     */
    static EnrollmentTrigger trigger(Pipeline pipeline, PipelineStage stage) {
        String type = pipeline.objectType();
        List<TriggerEvent> events = List.of(new TriggerEvent.RecordCreated(),
                new TriggerEvent.PropertyChanged(Pipeline.stageProperty(type), List.of(stage.id()), null),
                new TriggerEvent.PropertyChanged(Pipeline.pipelineProperty(type), List.of(pipeline.id()), null));
        Filter inStage = Filter.allOf(
                new Condition.OnProperty(Pipeline.pipelineProperty(type), Operator.EQ, List.of(pipeline.id())),
                new Condition.OnProperty(Pipeline.stageProperty(type), Operator.EQ, List.of(stage.id())));
        return new EnrollmentTrigger(inStage, true, events);
    }

    /** The (pipeline, stage) a stage workflow's criteria hold it to: read from its first criteria group. */
    public static Optional<Place> placeOf(WorkflowDefinition wf) {
        if (wf.trigger().criteria().groups().isEmpty()) {
            return Optional.empty();
        }
        FilterGroup first = wf.trigger().criteria().groups().get(0);
        Optional<String> pipeline = equalTo(first, Pipeline.pipelineProperty(wf.objectType()));
        Optional<String> stage = equalTo(first, Pipeline.stageProperty(wf.objectType()));
        return pipeline.isPresent() && stage.isPresent() ? Optional.of(new Place(pipeline.get(), stage.get()))
                : Optional.empty();
    }

    /** Where a stage workflow belongs. */
    public record Place(String pipelineId, String stageId) {
    }

    /**
     * What keeps a workflow with a stage id from being that stage's workflow: its object type
     * has no pipelines; its criteria do not hold it to one (pipeline, stage) in every group, or
     * hold it to another stage than its id names, or to a pipeline or stage that does not
     * exist; or its events are something else than entering the stage.
     *
     * @param pipeline the pipeline its criteria name, as stored; empty when it does not exist
     */
    public static List<InputProblem> problems(WorkflowDefinition wf, ObjectType type, Optional<Pipeline> pipeline) {
        List<InputProblem> problems = new ArrayList<>();
        if (!hasPipelines(type)) {
            problems.add(new InputProblem("/objectType", wf.objectType() + " records have no pipeline; stage automation is"
                    + " for deals, tickets, leads, projects and custom objects with a pipeline"));
            return problems;
        }
        String pipelineProperty = Pipeline.pipelineProperty(wf.objectType());
        String stageProperty = Pipeline.stageProperty(wf.objectType());
        Optional<Place> place = placeOf(wf);
        if (place.isEmpty()) {
            problems.add(new InputProblem("/trigger/criteria", "a stage workflow's criteria hold it to its stage: "
                    + pipelineProperty + " eq the pipeline and " + stageProperty + " eq the stage, in every group"));
            return problems;
        }
        Place at = place.get();
        if (!idFor(wf.objectType(), at.pipelineId(), at.stageId()).equals(wf.id())) {
            problems.add(new InputProblem("/trigger/criteria", "workflow '" + wf.id() + "' is the workflow of another "
                    + "stage than " + stageProperty + " '" + at.stageId() + "' of pipeline '" + at.pipelineId()
                    + "'; that stage's actions are workflow '" + idFor(wf.objectType(), at.pipelineId(), at.stageId())
                    + "'"));
            return problems;
        }
        if (pipeline.isEmpty()) {
            problems.add(new InputProblem("/trigger/criteria/groups/0", "pipeline '" + at.pipelineId() + "' of "
                    + wf.objectType() + " does not exist"));
        } else if (pipeline.get().stage(at.stageId()).isEmpty()) {
            problems.add(new InputProblem("/trigger/criteria/groups/0", "pipeline '" + at.pipelineId()
                    + "' has no stage '" + at.stageId() + "'; its stages: "
                    + pipeline.get().stages().stream().map(PipelineStage::id).toList()));
        }
        var groups = wf.trigger().criteria().groups();
        for (int g = 1; g < groups.size(); g++) {
            if (!equalTo(groups.get(g), pipelineProperty).equals(Optional.of(at.pipelineId()))
                    || !equalTo(groups.get(g), stageProperty).equals(Optional.of(at.stageId()))) {
                problems.add(new InputProblem("/trigger/criteria/groups/" + g, "every group of a stage workflow's "
                        + "criteria holds it to " + stageProperty + " '" + at.stageId() + "' of pipeline '"
                        + at.pipelineId() + "'"));
            }
        }
        checkEvents(wf, at, pipelineProperty, stageProperty, problems);
        return problems;
    }

    private static void checkEvents(WorkflowDefinition wf, Place at, String pipelineProperty, String stageProperty,
                                    List<InputProblem> problems) {
        List<TriggerEvent> events = wf.trigger().events();
        if (events.isEmpty()) {
            problems.add(new InputProblem("/trigger/events", "a stage workflow runs when a record enters its stage: "
                    + "give record_created and property_changed of " + stageProperty));
        }
        for (int i = 0; i < events.size(); i++) {
            TriggerEvent e = events.get(i);
            boolean entering = e instanceof TriggerEvent.RecordCreated
                    || e instanceof TriggerEvent.PropertyChanged c && c.from().isEmpty()
                    && (c.property().equals(stageProperty) && c.to().equals(List.of(at.stageId()))
                    || c.property().equals(pipelineProperty) && c.to().equals(List.of(at.pipelineId())));
            if (!entering) {
                problems.add(new InputProblem("/trigger/events/" + i, "a stage workflow runs when a record enters "
                        + stageProperty + " '" + at.stageId() + "': its events are record_created and "
                        + stageProperty + " (or " + pipelineProperty + ") changing to its stage (or pipeline)"));
            }
        }
    }

    private static Optional<String> equalTo(FilterGroup group, String property) {
        return group.conditions().stream()
                .filter(c -> c instanceof Condition.OnProperty p && p.property().equals(property)
                        && p.operator() == Operator.EQ && p.values().size() == 1)
                .map(c -> ((Condition.OnProperty) c).values().get(0)).findFirst();
    }
}
