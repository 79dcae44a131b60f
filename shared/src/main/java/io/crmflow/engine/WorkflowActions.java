package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Origin;

/**
 * Decides the actions that reach other workflows. Each becomes a request event in the step's
 * commit (through the outbox), which the trigger handler carries out with the same rules as
 * any enrollment: a crash after the commit loses nothing, and a redelivered step asks once.
 */
final class WorkflowActions {
    private WorkflowActions() {
    }

    static StepDecision enrollIn(StepDraft step, Action.EnrollInWorkflow a, WorkflowDefinition wf) {
        step.emit(new CrmEvent.EnrollmentRequested(step.eventId(0), wf.tenantId(), step.e.record(), step.now,
                Origin.workflow(wf.id()), a.workflowId()));
        step.log(Kind.ACTION_EXECUTED, a.id(), "asked to enroll the record in workflow '" + a.workflowId() + "'");
        return step.moveTo(a.next());
    }

    static StepDecision unenrollFrom(StepDraft step, Action.UnenrollFromWorkflows a, WorkflowDefinition wf) {
        step.emit(new CrmEvent.UnenrollmentRequested(step.eventId(0), wf.tenantId(), step.e.record(), step.now,
                Origin.workflow(wf.id()), a.workflowIds()));
        step.log(Kind.ACTION_EXECUTED, a.id(), "asked to unenroll the record from workflows " + a.workflowIds());
        return step.moveTo(a.next());
    }
}
