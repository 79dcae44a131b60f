package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.TriggerEvent;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.FilterProblem;
import io.crmflow.filter.FilterValidator;
import io.crmflow.filter.Schemas;
import io.crmflow.model.InputProblem;
import io.crmflow.model.ObjectType;
import io.crmflow.model.StandardObjectTypes;
import java.time.Duration;
import java.util.List;

/**
 * The save-time checks of what ties a workflow to events and to other workflows: trigger events,
 * the goal, waits for an event, and the actions that enroll in or unenroll from other workflows.
 * Each problem points at its node. Stateless.
 */
final class WorkflowLinksValidator {
    private static final Duration LONGEST_WAIT = Duration.ofDays(366);

    private WorkflowLinksValidator() {
    }

    static void checkTriggerAndGoal(WorkflowDefinition wf, ObjectType schema, Schemas schemas,
                                    List<InputProblem> problems) {
        List<TriggerEvent> events = wf.trigger().events();
        for (int i = 0; i < events.size(); i++) {
            checkEvent(wf, events.get(i), "/trigger/events/" + i, schema, schemas, true, problems);
        }
        if (!wf.goal().isEmpty()) {
            if (!StandardObjectTypes.CONTACT.equals(wf.objectType())) {
                problems.add(new InputProblem("/goal", "goals are for contact workflows; a " + wf.objectType()
                        + " workflow can use unenrollment criteria instead"));
            }
            for (FilterProblem p : FilterValidator.validate(wf.goal().criteria(), wf.objectType(), schemas)) {
                problems.add(new InputProblem("/goal/criteria" + p.pointer(), p.message()));
            }
        }
    }

    static void checkAction(WorkflowDefinition wf, Action a, String at, ObjectType schema, Schemas schemas,
                            List<InputProblem> problems) {
        if (a instanceof Action.WaitForEvent wait) {
            if (wait.event() == null) {
                problems.add(new InputProblem(at + "/event", "name the event to wait for"));
            } else {
                checkEvent(wf, wait.event(), at + "/event", schema, schemas, false, problems);
            }
            if (wait.timeout() == null || wait.timeout().isZero() || wait.timeout().isNegative()) {
                problems.add(new InputProblem(at + "/timeout", "say how long to wait at most (e.g. \"P7D\")"));
            } else if (wait.timeout().compareTo(LONGEST_WAIT) > 0) {
                problems.add(new InputProblem(at + "/timeout", "a wait may last at most 366 days"));
            }
        } else if (a instanceof Action.EnrollInWorkflow enroll) {
            requireOtherWorkflow(wf, enroll.workflowId(), at + "/workflowId", schemas, problems);
            refuseJourney(enroll.workflowId(), at + "/workflowId", problems);
        } else if (a instanceof Action.UnenrollFromWorkflows unenroll) {
            if (unenroll.workflowIds().isEmpty()) {
                problems.add(new InputProblem(at + "/workflowIds", "name at least one workflow to unenroll from"));
            }
            for (int j = 0; j < unenroll.workflowIds().size(); j++) {
                requireOtherWorkflow(wf, unenroll.workflowIds().get(j), at + "/workflowIds/" + j, schemas, problems);
                refuseJourney(unenroll.workflowIds().get(j), at + "/workflowIds/" + j, problems);
            }
        }
    }

    /**
     * @param trigger whether the event starts enrollments; a wait listens only for what happens to
     *                the record itself (properties, activities, lists)
     */
    private static void checkEvent(WorkflowDefinition wf, TriggerEvent event, String at, ObjectType schema,
                                   Schemas schemas, boolean trigger, List<InputProblem> problems) {
        if (event == null) {
            problems.add(new InputProblem(at, "an event cannot be null"));
        } else if (event instanceof TriggerEvent.PropertyChanged changed) {
            if (changed.property() == null || schema.property(changed.property()).isEmpty()) {
                problems.add(new InputProblem(at + "/property", "property '" + changed.property()
                        + "' does not exist on " + schema.name()));
            } else {
                var property = schema.property(changed.property()).get();
                checkValues(changed.to(), at + "/to", property, problems);
                checkValues(changed.from(), at + "/from", property, problems);
            }
        } else if (event instanceof TriggerEvent.ActivityLogged activity && activity.activity() == null) {
            problems.add(new InputProblem(at + "/activity", "name the activity, e.g. email_replied"));
        } else if (event instanceof TriggerEvent.ListJoined joined) {
            requireList(joined.listId(), at + "/listId", schemas, problems);
        } else if (event instanceof TriggerEvent.ListLeft left) {
            requireList(left.listId(), at + "/listId", schemas, problems);
        } else if (TriggerEvents.workflowOf(event) != null || event instanceof TriggerEvent.RecordCreated) {
            if (!trigger) {
                problems.add(new InputProblem(at, "a wait listens for changes, activities and lists of the record; "
                        + "use this event as a trigger instead"));
            } else if (TriggerEvents.workflowOf(event) != null) {
                requireOtherWorkflow(wf, TriggerEvents.workflowOf(event), at + "/workflowId", schemas, problems);
            }
        }
    }

    /** Contacts enter and leave a journey by its own rules (R-JRN-2, R-JRN-7), not at another workflow's request. */
    private static void refuseJourney(String workflowId, String at, List<InputProblem> problems) {
        if (JourneyWorkflows.isJourneyWorkflow(workflowId)) {
            problems.add(new InputProblem(at, "workflow '" + workflowId + "' runs a customer journey; contacts enter"
                    + " and leave it by the journey's lists, values and unenrollment options"));
        }
    }

    private static void checkValues(List<String> values, String at, io.crmflow.model.PropertyDefinition property,
                                    List<InputProblem> problems) {
        for (int j = 0; j < values.size(); j++) {
            int index = j;
            property.problemWith(values.get(j)).ifPresent(p -> problems.add(new InputProblem(at + "/" + index, p)));
        }
    }

    private static void requireList(String listId, String at, Schemas schemas, List<InputProblem> problems) {
        if (listId == null || !schemas.listExists(listId)) {
            problems.add(new InputProblem(at, "there is no list '" + listId + "'"));
        }
    }

    /** A workflow reaching itself would loop (see {@link LoopGuard}); one that does not exist is a typo. */
    private static void requireOtherWorkflow(WorkflowDefinition wf, String workflowId, String at, Schemas schemas,
                                             List<InputProblem> problems) {
        if (workflowId == null || workflowId.isBlank()) {
            problems.add(new InputProblem(at, "name the workflow"));
        } else if (workflowId.equals(wf.id())) {
            problems.add(new InputProblem(at, "a workflow cannot name itself here; it would feed on its own enrollments"));
        } else if (!schemas.workflowExists(workflowId)) {
            problems.add(new InputProblem(at, "workflow '" + workflowId + "' does not exist"));
        }
    }
}
