package io.crmflow.engine;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Origin;

/**
 * Loop protection: a change a workflow makes never enrolls a record in that same workflow.
 * Without it, a workflow that re-enrolls on "job title changed" and sets the job title would
 * enroll its record again at every pass, for ever; and a workflow creating records of its own
 * type could feed itself. Other workflows still react to the change. The stopped enrollment is
 * logged. See docs/workflows.md, "Loop protection".
 */
final class LoopGuard {
    private static final System.Logger LOG = System.getLogger(LoopGuard.class.getName());

    private LoopGuard() {
    }

    static boolean stops(WorkflowDefinition wf, CrmEvent event) {
        boolean own = event.origin().kind() == Origin.Kind.WORKFLOW && event.origin().id().equals(wf.id())
                && !(event instanceof CrmEvent.WorkflowMilestone);
        if (own) {
            LOG.log(System.Logger.Level.INFO, "loop protection: " + event.detailType() + " " + event.eventId()
                    + " was made by workflow '" + wf.id() + "' itself, so it does not enroll " + event.record()
                    + " there again");
        }
        return own;
    }
}
