package io.crmflow.engine;

import io.crmflow.definition.CrmList;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.FilterValidator;
import io.crmflow.filter.Schemas;
import io.crmflow.model.InputProblem;
import io.crmflow.model.ListKind;
import io.crmflow.model.Pipeline;
import io.crmflow.model.WebhookSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What saving a workflow, a list or a pipeline refuses, apart from any store: the checks
 * {@link DefinitionService} makes before it commits, given what the tenant has. A caller that
 * checks definitions before sending them (the command-line tool, against the files of a folder)
 * gets exactly the service's refusals, each with its JSON pointer into the definition as the API
 * takes it. Stateless.
 */
public final class DefinitionChecks {
    private DefinitionChecks() {
    }

    /**
     * @param webhooks  the tenant's webhook settings; null to check the definition apart from any tenant's
     * @param previous  the stored version, or null for a new workflow
     * @param pipelines the tenant's pipelines of the workflow's object type, by id (a stage workflow names one)
     * @param zone      the tenant's timezone, in which a delay's date is read
     */
    public static List<InputProblem> workflow(WorkflowDefinition wf, Schemas schemas, WebhookSettings webhooks,
                                              People people, WorkflowDefinition previous,
                                              Function<String, Optional<Pipeline>> pipelines, Instant now,
                                              ZoneId zone) {
        Optional<InputProblem> journeys = JourneyWorkflows.editRefusal(wf.id());
        if (journeys.isPresent()) {
            return List.of(journeys.get());
        }
        List<InputProblem> problems = WorkflowValidator.validate(wf, schemas, webhooks, people, previous, now, zone);
        if (StageWorkflows.isStageWorkflow(wf.id()) && problems.isEmpty()) {
            // Only a valid workflow's criteria say which stage it holds itself to.
            var pipeline = StageWorkflows.placeOf(wf).flatMap(at -> pipelines.apply(at.pipelineId()));
            problems = StageWorkflows.problems(wf, schemas.objectType(wf.objectType()).orElseThrow(), pipeline);
        }
        return problems;
    }

    public static List<InputProblem> list(CrmList list, Schemas schemas) {
        if (schemas.objectType(list.objectType()).isEmpty()) {
            return List.of(noSuchType(list.objectType()));
        }
        List<InputProblem> problems = new ArrayList<>();
        if (list.kind() == ListKind.ACTIVE) {
            FilterValidator.validate(list.filter(), list.objectType(), schemas)
                    .forEach(p -> problems.add(new InputProblem("/filter" + p.pointer(), p.message())));
        }
        return problems;
    }

    public static List<InputProblem> pipeline(Pipeline pipeline, Schemas schemas) {
        return schemas.objectType(pipeline.objectType()).isEmpty() ? List.of(noSuchType(pipeline.objectType()))
                : List.of();
    }

    private static InputProblem noSuchType(String objectType) {
        return new InputProblem("/objectType", "object type '" + objectType + "' does not exist");
    }
}
