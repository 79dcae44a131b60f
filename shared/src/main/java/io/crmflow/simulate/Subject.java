package io.crmflow.simulate;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.ExecutionWindow;
import io.crmflow.definition.Goal;
import io.crmflow.definition.Unenrollment;
import io.crmflow.journey.JourneyDefinition;
import java.util.List;

/**
 * What a simulation runs: one workflow, or one journey, as its author wrote it — a draft not
 * saved yet, or a version read back from the API. Immutable.
 */
public sealed interface Subject permits Subject.Workflow, Subject.Journey {
    /** The id a subject goes by when its document names none. */
    String DEFAULT_ID = "simulated";

    String id();

    /**
     * @param json a workflow as {@code POST /workflows} takes it, or as {@code GET /workflows/{id}}
     *             answers (what a read adds — tenant, version, removed actions — is ignored)
     * @throws SimulationInputException with every problem, each at its pointer in {@code json}
     */
    static Workflow workflow(String json) {
        return SubjectDocuments.workflow(json);
    }

    /**
     * @param json a journey as {@code POST /journeys} or {@code PUT /journeys/{id}/draft} take it, or
     *             the {@code draft} or {@code published} of {@code GET /journeys/{id}}
     * @throws SimulationInputException with the problem, at its pointer in {@code json}
     */
    static Journey journey(String json) {
        return SubjectDocuments.journey(json);
    }

    /**
     * A workflow under test. It runs switched on whatever its document says: a simulation of a
     * workflow that is off would show nothing.
     */
    record Workflow(String id, String name, String objectType, EnrollmentTrigger trigger, String firstActionId,
                    List<Action> actions, ExecutionWindow window, Unenrollment unenrollment, Goal goal)
            implements Subject {
    }

    record Journey(String id, JourneyDefinition definition) implements Subject {
    }
}
