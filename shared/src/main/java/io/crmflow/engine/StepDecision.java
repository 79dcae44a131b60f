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

    /**
     * This decision followed by {@code later}, decided on this one's next state: one commit's
     * worth of both ({@link StepChain}). Only a decision without an outside effect is followed.
     */
    StepDecision then(StepDecision later) {
        if (effect != null) {
            throw new IllegalStateException("a step with an outside effect is committed alone");
        }
        List<Write> allWrites = new java.util.ArrayList<>(writes);
        allWrites.addAll(later.writes);
        List<HistoryEntry> allHistory = new java.util.ArrayList<>(history);
        allHistory.addAll(later.history);
        List<CrmEvent> allEvents = new java.util.ArrayList<>(events);
        allEvents.addAll(later.events);
        return new StepDecision(later.next, allWrites, allHistory, allEvents, later.effect);
    }

    /**
     * The one commit that applies this decision to {@code from}: the enrollment under its
     * optimistic lock (first, so a conflict there is write 0), the history {@code lines}, the
     * step's writes, and the count of the ending it reached, if any.
     */
    List<Write> commitFrom(Enrollment from, List<HistoryEntry> lines) {
        List<Write> out = new java.util.ArrayList<>();
        out.add(new Write.PutEnrollment(next, from.version()));
        lines.forEach(h -> out.add(new Write.AppendHistory(from.tenantId(), h)));
        out.addAll(writes);
        if (next.status().terminal()) {
            out.add(WorkflowCounters.ended(next));
        }
        return out;
    }

    /** The email this step sends, or null when it sends none. */
    OutgoingEmail email() {
        return effect instanceof OutsideEffect.Email e ? e.email() : null;
    }
}
