package io.crmflow.simulate;

import io.crmflow.engine.RecordService;
import io.crmflow.model.Activity;
import io.crmflow.model.Association;
import io.crmflow.model.RecordRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One line of a simulation's events file: a change the API would have received at {@code at}.
 * Each kind is applied through the engine service the API's route calls. Immutable.
 */
public sealed interface InputEvent permits InputEvent.Create, InputEvent.Update, InputEvent.ActivityLogged,
        InputEvent.Membership, InputEvent.Associate, InputEvent.Enroll {

    /** The line of the file, from 1. */
    long line();

    Instant at();

    /** {@code POST /records/{type}}: a new record, with the records it is created associated with. */
    record Create(long line, Instant at, RecordRef record, Map<String, String> properties,
                  List<RecordService.NewAssociation> associations) implements InputEvent {
        public Create {
            properties = Map.copyOf(properties);
            associations = List.copyOf(associations);
        }
    }

    /** {@code PATCH /records/{type}/{id}}. */
    record Update(long line, Instant at, RecordRef record, Map<String, String> properties) implements InputEvent {
        public Update {
            properties = Map.copyOf(properties);
        }
    }

    /** {@code POST /events}: an activity on a record, which happened at {@code at}. */
    record ActivityLogged(long line, Instant at, RecordRef record, Activity activity) implements InputEvent {
    }

    /** {@code PUT} (joined) or {@code DELETE} (left) {@code /lists/{id}/members/{type}/{recordId}}. */
    record Membership(long line, Instant at, String listId, RecordRef record, boolean joined) implements InputEvent {
    }

    /** {@code POST /records/{type}/{id}/associations}. */
    record Associate(long line, Instant at, Association association) implements InputEvent {
    }

    /** {@code POST /workflows/{id}/enrollments}: the record enrolled by hand in the workflow under test. */
    record Enroll(long line, Instant at, RecordRef record) implements InputEvent {
    }
}
