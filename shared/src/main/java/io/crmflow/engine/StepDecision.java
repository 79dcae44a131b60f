package io.crmflow.engine;

import io.crmflow.model.CrmEvent;
import io.crmflow.outbound.OutgoingEmail;
import io.crmflow.store.Write;
import java.util.List;

/**
 * What one step decided, before anything is applied: the enrollment's next state, the writes
 * that go with it, its history lines, the events to publish, and at most one effect outside the
 * table. Immutable; {@link StepEngine} applies it.
 *
 * @param effect what to do outside the table exactly once before committing, or null
 */
public record StepDecision(Enrollment next, List<Write> writes, List<HistoryEntry> history, List<CrmEvent> events,
                           OutsideEffect effect) {
    public StepDecision {
        writes = List.copyOf(writes);
        history = List.copyOf(history);
        events = List.copyOf(events);
    }

    StepDecision withEffect(OutsideEffect outside) {
        return new StepDecision(next, writes, history, events, outside);
    }

    /** The email this step sends, or null when it sends none. */
    OutgoingEmail email() {
        return effect instanceof OutsideEffect.Email e ? e.email() : null;
    }
}
