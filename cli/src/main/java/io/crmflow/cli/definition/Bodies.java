package io.crmflow.cli.definition;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.ExecutionWindow;
import io.crmflow.definition.Goal;
import io.crmflow.definition.Unenrollment;
import io.crmflow.filter.Filter;
import io.crmflow.model.ListKind;
import io.crmflow.model.PipelineStage;
import java.util.List;

/**
 * The request bodies of the API's definition routes, field for field (a test holds them to the
 * API's own), so that a file is read exactly as the API reads what it is sent: the same fields,
 * the same defaults, unknown fields refused.
 */
final class Bodies {
    private Bodies() {
    }

    /** {@code PUT /workflows/{id}}. */
    record WorkflowBody(String name, String objectType, Boolean enabled, EnrollmentTrigger trigger,
                        String firstActionId, List<Action> actions, ExecutionWindow window,
                        Unenrollment unenrollment, Goal goal) {
    }

    /** {@code PUT /pipelines/{type}/{id}}. */
    record PipelineBody(String label, List<PipelineStage> stages) {
    }

    /** {@code PUT /lists/{id}}. */
    record ListBody(String name, String objectType, ListKind kind, Filter filter) {
    }
}
