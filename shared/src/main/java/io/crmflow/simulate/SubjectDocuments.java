package io.crmflow.simulate;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.ExecutionWindow;
import io.crmflow.definition.Goal;
import io.crmflow.definition.Unenrollment;
import io.crmflow.journey.End;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.JourneyUnenrollment;
import io.crmflow.journey.Stage;
import io.crmflow.json.Json;
import io.crmflow.json.JsonInputException;
import io.crmflow.model.InputProblem;
import java.util.List;
import java.util.Map;

/**
 * Reads the documents a {@link Subject} comes from, accepting both what the API takes and what
 * it answers, so a version read from a deployment can be simulated as it is.
 */
final class SubjectDocuments {
    private SubjectDocuments() {
    }

    /** {@code tenantId}, {@code version}, {@code enabled} and {@code removedActions} are what a read adds, and are ignored. */
    record WorkflowDocument(String id, String tenantId, Long version, String name, String objectType, Boolean enabled,
                            EnrollmentTrigger trigger, String firstActionId, List<Action> actions,
                            ExecutionWindow window, Unenrollment unenrollment, Goal goal,
                            Map<String, String> removedActions) {
    }

    /** {@code baseVersion} is what a draft's save adds, and is ignored. */
    record JourneyDocument(String id, Long baseVersion, String name, String property, List<String> eligibilityLists,
                           Boolean enrollEmpty, List<Stage> stages, List<End> ends,
                           JourneyUnenrollment unenrollment) {
    }

    static Subject.Workflow workflow(String json) {
        WorkflowDocument d = read(json, WorkflowDocument.class, "workflow");
        return new Subject.Workflow(d.id() == null ? Subject.DEFAULT_ID : d.id(), d.name(), d.objectType(),
                d.trigger(), d.firstActionId(), d.actions(), d.window(), d.unenrollment(), d.goal());
    }

    static Subject.Journey journey(String json) {
        JourneyDocument d = read(json, JourneyDocument.class, "journey");
        try {
            return new Subject.Journey(d.id() == null ? Subject.DEFAULT_ID : d.id(), new JourneyDefinition(d.name(),
                    d.property(), d.eligibilityLists(), d.enrollEmpty(), d.stages(), d.ends(), d.unenrollment()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SimulationInputException("journey", List.of(new InputProblem("/", String.valueOf(e.getMessage()))));
        }
    }

    private static <T> T read(String json, Class<T> type, String document) {
        try {
            T read = Json.read(json, type);
            if (read == null) {
                throw new JsonInputException("/", "expected a JSON object, not null");
            }
            return read;
        } catch (JsonInputException e) {
            throw new SimulationInputException(document, List.of(new InputProblem(e.pointer(), e.getMessage())));
        }
    }
}
