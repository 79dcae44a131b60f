package io.crmflow.engine;

import io.crmflow.store.RecordView;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The view of an event's record an automation decides on. The trigger engine read it for the
 * event a moment before, and nothing it does writes the record, its associations or its stage
 * history, so the first attempt takes that copy instead of a second Query. A retry reads again:
 * it follows a conflict, which says the copy is stale. Stateless.
 */
final class EventViews {
    private EventViews() {
    }

    /**
     * @param asRead the copy handed over with the event; empty when the trigger engine did not read it
     * @param read   reads the view now
     */
    static Optional<RecordView> forAttempt(int attempt, Optional<RecordView> asRead,
                                           Supplier<Optional<RecordView>> read) {
        return attempt == 1 && asRead.isPresent() ? asRead : read.get();
    }
}
