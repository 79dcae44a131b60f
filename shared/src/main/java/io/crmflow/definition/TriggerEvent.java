package io.crmflow.definition;

import io.crmflow.model.ActivityType;
import java.util.List;
import java.util.Map;

/**
 * "When this event happens" (R-WF-2): one kind of event about a record that enrolls it in an
 * event-based workflow. Each occurrence is a reason to enroll; with re-enrollment on, each
 * occurrence after the record left enrolls it again.
 */
public sealed interface TriggerEvent permits TriggerEvent.RecordCreated, TriggerEvent.PropertyChanged,
        TriggerEvent.ActivityLogged, TriggerEvent.ListJoined, TriggerEvent.ListLeft, TriggerEvent.EnrolledInWorkflow,
        TriggerEvent.CompletedWorkflow, TriggerEvent.GoalMet {

    /** The record was created. */
    record RecordCreated() implements TriggerEvent {
    }

    /**
     * A property changed — to one of {@code to} and from one of {@code from} when given (compared
     * by the property's type, as the filter operators changed_to/changed_from do).
     */
    record PropertyChanged(String property, List<String> to, List<String> from) implements TriggerEvent {
        public PropertyChanged {
            to = to == null ? List.of() : List.copyOf(to);
            from = from == null ? List.of() : List.copyOf(from);
        }
    }

    /**
     * An activity of R-OBJ-6 was logged on the record (email replied, call logged, form
     * submitted …), with each of {@code attributes} equal (ignoring case) when given, e.g.
     * {@code {"outcome": "connected"}}.
     */
    record ActivityLogged(ActivityType activity, Map<String, String> attributes) implements TriggerEvent {
        public ActivityLogged {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }
    }

    /** The record joined a static list. */
    record ListJoined(String listId) implements TriggerEvent {
    }

    /** The record left a static list. */
    record ListLeft(String listId) implements TriggerEvent {
    }

    /** The record was enrolled in another workflow. */
    record EnrolledInWorkflow(String workflowId) implements TriggerEvent {
    }

    /** The record completed another workflow (went through its last action). */
    record CompletedWorkflow(String workflowId) implements TriggerEvent {
    }

    /** The record met the goal of another workflow (R-WF-14). */
    record GoalMet(String workflowId) implements TriggerEvent {
    }
}
