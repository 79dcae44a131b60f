package io.crmflow.definition;

import io.crmflow.filter.Filter;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.ListKind;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PipelineStage;
import java.util.List;

/**
 * What the API takes to save a workflow, a pipeline or a list ({@code PUT /workflows/{id}},
 * {@code PUT /pipelines/{type}/{id}}, {@code PUT /lists/{id}}) and the model each makes, with the
 * defaults the API gives what is left out. The API's routes and the command-line tool read with
 * these same records, so a definition file is read exactly as a request's body is. Unknown
 * fields are refused by the JSON mapping. Immutable.
 */
public final class DefinitionInputs {
    private DefinitionInputs() {
    }

    /** @param enabled left out, the workflow is on */
    public record WorkflowInput(String name, String objectType, Boolean enabled, EnrollmentTrigger trigger,
                                String firstActionId, List<Action> actions, ExecutionWindow window,
                                Unenrollment unenrollment, Goal goal) {
        /** @throws InvalidInputException when the model refuses it */
        public WorkflowDefinition toWorkflow(String tenantId, String id) {
            return InvalidInputException.guard("/", () -> new WorkflowDefinition(tenantId, id, name, objectType, 0,
                    enabled == null || enabled, trigger, firstActionId, actions, window, unenrollment, goal, null));
        }
    }

    /** @param label left out, the pipeline's id */
    public record PipelineInput(String label, List<PipelineStage> stages) {
        /** @throws InvalidInputException when the model refuses it */
        public Pipeline toPipeline(String objectType, String id) {
            return InvalidInputException.guard("/stages", () -> new Pipeline(id, objectType, label == null ? id : label,
                    stages == null ? List.of() : stages));
        }
    }

    public record ListInput(String name, String objectType, ListKind kind, Filter filter) {
        /** @throws InvalidInputException when the model refuses it */
        public CrmList toList(String id) {
            return InvalidInputException.guard("/", () -> new CrmList(id, name, objectType, kind, filter));
        }
    }
}
