package io.crmflow.bench.load;

import io.crmflow.model.ActivityType;
import java.util.Map;

/** One CRM change the load makes to one contact, as a client of the API would make it. */
sealed interface PlannedEvent {
    String contactId();

    /**
     * Whether this change is the first to make the contact meet the reference workflow's trigger
     * (lifecycle stage lead or customer): the event its enrollment is timed from.
     */
    boolean enrolls();

    record Creation(String contactId, Map<String, String> properties, boolean enrolls) implements PlannedEvent {
        public Creation {
            properties = Map.copyOf(properties);
        }
    }

    record Change(String contactId, Map<String, String> properties, boolean enrolls) implements PlannedEvent {
        public Change {
            properties = Map.copyOf(properties);
        }
    }

    record Activity(String contactId, ActivityType type) implements PlannedEvent {
        @Override
        public boolean enrolls() {
            return false;
        }
    }
}
