package io.crmflow.definition;

import io.crmflow.model.Names;
import java.util.List;
import java.util.Optional;

/**
 * A workflow (R-WF-1): the object type it is based on, when records enter it, and its action
 * graph. Immutable; every saved change makes a new {@code version}, kept beside the current one.
 * Steps run the current version, looking actions up by id, so an edit reaches enrollments in
 * flight; an enrollment whose action was removed ends as failed with a history line that says so.
 *
 * @param actions in the order a person laid them out; {@code firstActionId} says where to start
 * @param window       when actions may run; null for any time
 * @param unenrollment when records leave early; null for never
 */
public record WorkflowDefinition(String tenantId, String id, String name, String objectType, long version,
                                 boolean enabled, EnrollmentTrigger trigger, String firstActionId,
                                 List<Action> actions, ExecutionWindow window, Unenrollment unenrollment) {

    public WorkflowDefinition {
        Names.requireValid(tenantId, "tenant id");
        Names.requireValid(id, "workflow id");
        Names.requireValid(objectType, "object type");
        name = name == null ? id : name;
        trigger = trigger == null ? EnrollmentTrigger.MANUAL : trigger;
        actions = actions == null ? List.of() : List.copyOf(actions);
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
                window, unenrollment);
    }

    public WorkflowDefinition withEnabled(boolean on) {
        return new WorkflowDefinition(tenantId, id, name, objectType, version, on, trigger, firstActionId, actions, window,
                unenrollment);
    }
}
