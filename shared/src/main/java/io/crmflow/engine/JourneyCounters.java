package io.crmflow.engine;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.store.Write;
import java.util.Optional;

/**
 * The counters a journey keeps as contacts move (R-JRN-13), on its workflow beside the
 * workflow's own ({@link WorkflowCounters}), each incremented in the commit of the move it
 * counts: entering each stage, each path taken out of a stage (to a stage, to an end, or out of
 * the journey), and reaching each end. Names are built from ids, which never hold '/'.
 */
public final class JourneyCounters {
    static final String UNENROLLED_AT_END = "unenrolled_by_end_matched_early";

    private JourneyCounters() {
    }

    public static String entered(String stageId) {
        return "stage/" + stageId + "/entered";
    }

    public static String toStage(String fromStage, String toStage) {
        return "stage/" + fromStage + "/to/stage/" + toStage;
    }

    public static String toEnd(String fromStage, String endId) {
        return "stage/" + fromStage + "/to/end/" + endId;
    }

    /** Left the journey while in the stage: unenrolled (R-JRN-7). */
    public static String left(String fromStage) {
        return "stage/" + fromStage + "/left";
    }

    public static String reached(String endId) {
        return "end/" + endId;
    }

    static Write.IncrementCounter count(Enrollment e, String counter) {
        return new Write.IncrementCounter(e.tenantId(), e.workflowId(), counter, e.id());
    }

    /** The count of a journey contact leaving the journey from where it is; empty for a workflow, or in no stage. */
    static Optional<Write> leftFrom(WorkflowDefinition wf, Enrollment e) {
        if (!JourneyWorkflows.isJourneyWorkflow(wf.id())) {
            return Optional.empty();
        }
        return JourneyWorkflows.stageOf(wf, e.cursor()).map(stage -> count(e, left(stage)));
    }
}
