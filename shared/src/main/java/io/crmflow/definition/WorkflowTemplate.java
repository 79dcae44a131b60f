package io.crmflow.definition;

import java.util.List;

/**
 * A ready-made workflow to start from (R-WF-1): everything a workflow has except the tenant and
 * the id it will get. Immutable.
 */
public record WorkflowTemplate(String id, String name, String description, String objectType,
                               EnrollmentTrigger trigger, String firstActionId, List<Action> actions,
                               ExecutionWindow window, Unenrollment unenrollment, Goal goal) {
    public WorkflowTemplate {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public WorkflowTemplate withId(String newId) {
        return new WorkflowTemplate(newId, name, description, objectType, trigger, firstActionId, actions, window,
                unenrollment, goal);
    }

    /**
     * The workflow made from this template, switched off: a person reviews it (the email texts,
     * the trigger) and switches it on, choosing then whether existing records enter.
     */
    public WorkflowDefinition toWorkflow(String tenantId, String workflowId, String workflowName) {
        return new WorkflowDefinition(tenantId, workflowId, workflowName == null ? name : workflowName, objectType, 0,
                false, trigger, firstActionId, actions, window, unenrollment, goal, null);
    }
}
