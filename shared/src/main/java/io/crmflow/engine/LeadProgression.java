package io.crmflow.engine;

import io.crmflow.definition.LeadAutomations;
import io.crmflow.definition.LeadEvent;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Origin;
import io.crmflow.model.Pipeline;
import io.crmflow.model.RecordRef;
import io.crmflow.model.StageChange;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.store.RecordView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * R-LEAD-3, R-LEAD-4, R-LEAD-5: an activity logged on a lead of the default pipeline, or on a
 * contact (then on each of its leads there), moves the lead forward — a user's outreach to the
 * attempting automation's stage, the lead's engagement to the connected one's — if it stands in
 * one of the automation's from-stages. Of the two, the one that moves it further wins. A lead a
 * person once moved back to an earlier stage is left alone for good.
 *
 * <p>Each move is made once per event and lead: its commit holds the lead, its stage history,
 * its event, and an effect marker keyed by both, which a redelivered event's commit trips on.
 */
final class LeadProgression implements EventAutomation {
    private static final String STAGE = Pipeline.stageProperty(StandardObjectTypes.LEAD);
    private static final int ATTEMPTS = 3;
    private final Ports ports;
    private final OnceChanges changes;

    LeadProgression(Ports ports, EngineSettings settings) {
        this.ports = ports;
        this.changes = new OnceChanges(ports, settings);
    }

    private record Move(String name, LeadAutomations.Progression progression) {
    }

    @Override
    public void onEvent(CrmEvent event, Optional<RecordView> viewAsRead, TriggerReads reads, Instant now) {
        if (!(event instanceof CrmEvent.ActivityLogged logged)) {
            return;
        }
        String type = event.record().objectType();
        Set<LeadEvent> happened = LeadEvent.of(logged.activity());
        if (happened.isEmpty() || !(StandardObjectTypes.LEAD.equals(type) || StandardObjectTypes.CONTACT.equals(type))) {
            return;
        }
        LeadAutomations automations = reads.leadAutomations(ports.definitions(), event.tenantId());
        List<Move> moves = new ArrayList<>();
        if (automations.attempting().takes(happened)) {
            moves.add(new Move("attempting", automations.attempting()));
        }
        if (automations.connected().takes(happened)) {
            moves.add(new Move("connected", automations.connected()));
        }
        if (moves.isEmpty()) {
            return;
        }
        Pipeline pipeline = LeadAutomationService.defaultPipeline(ports, event.tenantId());
        for (RecordRef lead : leads(event, viewAsRead)) {
            // The event's own view is the lead's when the event is about the lead.
            advance(event, lead, lead.equals(event.record()) ? viewAsRead : Optional.empty(), moves, pipeline, now);
        }
    }

    /** The lead itself, or the contact's leads. */
    private List<RecordRef> leads(CrmEvent event, Optional<RecordView> viewAsRead) {
        if (StandardObjectTypes.LEAD.equals(event.record().objectType())) {
            return List.of(event.record());
        }
        return EventViews.forAttempt(1, viewAsRead, () -> ports.records().view(event.tenantId(), event.record()))
                .map(Leads::ofContact).orElse(List.of());
    }

    private void advance(CrmEvent event, RecordRef ref, Optional<RecordView> viewAsRead, List<Move> moves,
                         Pipeline pipeline, Instant now) {
        String key = LeadIds.move(event.eventId(), ref.id());
        for (int attempt = 1; ; attempt++) {
            Optional<RecordView> view = EventViews.forAttempt(attempt, viewAsRead,
                    () -> ports.records().view(event.tenantId(), ref));
            if (view.isEmpty() || !Leads.inDefaultPipeline(view.get().record()) || movedBackByHand(view.get(), pipeline)) {
                return;
            }
            CrmRecord lead = view.get().record();
            String from = lead.property(STAGE).orElse(null);
            Optional<Move> move = furthest(moves, from, pipeline);
            if (move.isEmpty()) {
                return;
            }
            String to = move.get().progression().to();
            OnceChanges.Outcome outcome = changes.set(lead, STAGE, to, Origin.leadAutomation(move.get().name()),
                    LeadIds.moveEvent(event.eventId(), ref.id()), key, "moved from " + from + " to " + to, now);
            if (outcome != OnceChanges.Outcome.COLLIDED) {
                return;
            }
            if (attempt == ATTEMPTS) {
                throw new ConcurrentChangeException("lead '" + ref.id() + "' kept changing while "
                        + move.get().name() + " moved it; the event will be handled again");
            }
        }
    }

    /** The move, among those that take the lead from its stage, that brings it furthest forward. */
    private static Optional<Move> furthest(List<Move> moves, String from, Pipeline pipeline) {
        int at = from == null ? -1 : pipeline.indexOf(from);
        Move best = null;
        int bestIndex = at;
        for (Move m : moves) {
            int to = pipeline.indexOf(m.progression().to());
            if (at >= 0 && m.progression().from().contains(from) && to > bestIndex) {
                best = m;
                bestIndex = to;
            }
        }
        return Optional.ofNullable(best);
    }

    /** R-LEAD-5: a person (not the API, a workflow or an automation) once moved it to an earlier stage. */
    static boolean movedBackByHand(RecordView lead, Pipeline pipeline) {
        for (StageChange c : lead.stageChanges()) {
            if (STAGE.equals(c.property()) && c.origin().kind() == Origin.Kind.USER && c.from() != null && c.to() != null
                    && pipeline.indexOf(c.to()) >= 0 && pipeline.indexOf(c.to()) < pipeline.indexOf(c.from())) {
                return true;
            }
        }
        return false;
    }
}
