package io.crmflow.definition;

import io.crmflow.model.Names;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow (R-WF-1): the object type it is based on, when records enter it, and its action
 * graph. Immutable; every saved change makes a new {@code version}, kept beside the current one.
 * Steps run the current version, looking actions up by id, so an edit reaches enrollments in
 * flight; an enrollment whose action was removed goes where {@code removedActions} says (R-WF-9).
 *
 * @param actions in the order a person laid them out; {@code firstActionId} says where to start
 * @param window       when actions may run; null for any time
 * @param unenrollment when records leave early; null for never
 * @param goal           what the workflow aims at (contact workflows); {@link Goal#NONE} for none
 * @param removedActions actions deleted from the live workflow, each mapped to the action its waiting enrollments
 *                       go on to, or to null when they complete there (R-WF-9); decided on save
 */
public record WorkflowDefinition(String tenantId, String id, String name, String objectType, long version,
                                 boolean enabled, EnrollmentTrigger trigger, String firstActionId,
                                 List<Action> actions, ExecutionWindow window, Unenrollment unenrollment,
                                 Goal goal, Map<String, String> removedActions) {

    public WorkflowDefinition {
        Names.requireValid(tenantId, "tenant id");
        Names.requireValid(id, "workflow id");
        Names.requireValid(objectType, "object type");
        name = name == null ? id : name;
        trigger = trigger == null ? EnrollmentTrigger.MANUAL : trigger;
        actions = actions == null ? List.of() : List.copyOf(actions);
        goal = goal == null ? Goal.NONE : goal;
        // null values mean "complete there", which Map.copyOf refuses
        removedActions = removedActions == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(removedActions));
    }

    /** A workflow with unenrollment rules and neither goal nor removed actions. */
    public WorkflowDefinition(String tenantId, String id, String name, String objectType, long version, boolean enabled,
                              EnrollmentTrigger trigger, String firstActionId, List<Action> actions,
                              ExecutionWindow window, Unenrollment unenrollment) {
        this(tenantId, id, name, objectType, version, enabled, trigger, firstActionId, actions, window, unenrollment,
                null, null);
    }

    /** A workflow whose actions may run at any time. */
    public WorkflowDefinition(String tenantId, String id, String name, String objectType, long version, boolean enabled,
                              EnrollmentTrigger trigger, String firstActionId, List<Action> actions) {
        this(tenantId, id, name, objectType, version, enabled, trigger, firstActionId, actions, null, null);
    }

    /** A workflow with an execution window and no unenrollment rules. */
    public WorkflowDefinition(String tenantId, String id, String name, String objectType, long version, boolean enabled,
                              EnrollmentTrigger trigger, String firstActionId, List<Action> actions,
                              ExecutionWindow window) {
        this(tenantId, id, name, objectType, version, enabled, trigger, firstActionId, actions, window, null);
    }

    /** Workflows hold tens of actions, so a scan is cheaper than keeping an index beside the list. */
    public Optional<Action> action(String actionId) {
        return actionId == null ? Optional.empty() : actions.stream().filter(a -> a.id().equals(actionId)).findFirst();
    }

    public WorkflowDefinition withVersion(long newVersion) {
        return new WorkflowDefinition(tenantId, id, name, objectType, newVersion, enabled, trigger, firstActionId, actions,
                window, unenrollment, goal, removedActions);
    }

    public WorkflowDefinition withEnabled(boolean on) {
        return new WorkflowDefinition(tenantId, id, name, objectType, version, on, trigger, firstActionId, actions, window,
                unenrollment, goal, removedActions);
    }

    public WorkflowDefinition withGoal(Goal g) {
        return new WorkflowDefinition(tenantId, id, name, objectType, version, enabled, trigger, firstActionId, actions,
                window, unenrollment, g, removedActions);
    }

    /** The same workflow with another action graph; what was deleted from it is for the caller to record. */
    public WorkflowDefinition withActions(String first, List<Action> newActions) {
        return new WorkflowDefinition(tenantId, id, name, objectType, version, enabled, trigger, first, newActions,
                window, unenrollment, goal, removedActions);
    }

    public WorkflowDefinition withRemovedActions(Map<String, String> removed) {
        return new WorkflowDefinition(tenantId, id, name, objectType, version, enabled, trigger, firstActionId, actions,
                window, unenrollment, goal, removed);
    }
}
