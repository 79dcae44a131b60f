package io.crmflow.engine;

import io.crmflow.definition.JourneyNodes;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Origin;
import io.crmflow.model.PropertyChange;
import io.crmflow.store.ConflictException;
import io.crmflow.store.EnrollmentSlot;
import io.crmflow.store.RecordView;
import io.crmflow.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A journey contact whose property changed leaves what it was doing — an action under way, a
 * wait, staying in its stage, or being inactive — for the route out of its stage, which sends it
 * where the new value leads (R-JRN-4), in one commit. The move bumps the enrollment's step
 * number, so the step messages of the flow it left, waits included, are dropped when they come.
 * Thread-safe.
 */
final class JourneyMoves {
    private static final int ATTEMPTS = 3;
    private final Ports ports;
    private final EngineSettings settings;
    private final EventPublisher publisher;

    JourneyMoves(Ports ports, EngineSettings settings, EventPublisher publisher) {
        this.ports = ports;
        this.settings = settings;
        this.publisher = publisher;
    }

    /**
     * Whether {@code event} moves a contact in journey workflow {@code wf}: it changed the journey
     * property to the value the contact holds now (an older change, delivered late, moves nobody:
     * the newer one does), and it was not the journey's own doing — a go-to sets the property
     * and moves the contact in the same step.
     */
    static boolean moves(WorkflowDefinition wf, CrmEvent event, RecordView view) {
        if (!JourneyWorkflows.isJourneyWorkflow(wf.id()) || !(event instanceof CrmEvent.PropertiesChanged changed)
                || event.origin().equals(Origin.workflow(wf.id()))) {
            return false;
        }
        String property = JourneyWorkflows.propertyOf(wf);
        String now = view.record().property(property).orElse("");
        return changed.changes().stream().filter(c -> c.property().equals(property)).reduce((a, b) -> b)
                .map(PropertyChange::to).map(to -> to == null ? "" : to).filter(now::equals).isPresent();
    }

    /**
     * Moves the live enrollment, once per event: a redelivered event finds its move done
     * ({@link TriggerEngine#entryOf}). Neither the change that enrolled the contact (its enrollment writes the
     * same mark) nor one made before the enrollment began, delivered late, moves it: the
     * enrollment's first step read the property as it was then. Where the contact goes is
     * decided in the move's own commit, on the record as it is then, so a change and its quick
     * revert cannot leave it between two places.
     *
     * @throws IllegalStateException when steps kept moving the enrollment meanwhile: the event is
     *                               delivered again, and the move made then
     */
    void move(WorkflowDefinition wf, EnrollmentSlot slot, CrmEvent event, Instant now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Enrollment> found = ports.enrollments().enrollment(wf.tenantId(), slot.enrollmentId())
                    .filter(e -> !e.status().terminal());
            Optional<CrmRecord> record = ports.records().record(wf.tenantId(), event.record());
            if (found.isEmpty() || record.isEmpty() || event.occurredAt().isBefore(found.get().enrolledAt())) {
                return;
            }
            Enrollment e = found.get();
            Optional<String> stage = JourneyWorkflows.stageOf(wf, e.cursor());
            Optional<JourneyNodes.Route> route = wf.action(JourneyWorkflows.routeFor(wf, stage))
                    .filter(a -> a instanceof JourneyNodes.Route).map(a -> (JourneyNodes.Route) a);
            if (route.isEmpty() || !leadsElsewhere(route.get(), stage, record.get())) {
                return;
            }
            var step = new StepDraft(e, now, settings.watchdog());
            String from = stage.map(s -> "leaves stage '" + s + "'").orElse("moves on");
            step.log(Kind.ACTION_EXECUTED, route.get().id(), route.get().property() + " changed (" + event.detailType()
                    + " " + event.eventId() + "): " + from + " for where the new value leads");
            StepDecision d = JourneySteps.route(step, route.get(), record.get());
            List<Write> writes = new ArrayList<>(d.commitFrom(e, d.history()));
            int once = writes.size();
            writes.add(TriggerEngine.entryOf(wf, event.eventId(), route.get().id(), now));
            try {
                ports.writer().commit(writes);
            } catch (ConflictException conflict) {
                if (conflict.writeIndex() == once) {
                    return; // this event moved it before
                }
                continue; // a step or another event moved it meanwhile: look again
            }
            publisher.publishCommitted(d.events());
            if (d.next().status() == EnrollmentStatus.ACTIVE) {
                ports.steps().send(List.of(d.next().stepMessage()));
            }
            return;
        }
        throw new IllegalStateException("could not move " + event.record() + " in " + wf.id() + " on "
                + event.eventId() + ": its enrollment kept changing under " + ATTEMPTS + " attempts");
    }

    /**
     * Whether the value the contact holds now takes it somewhere else than where it is: another
     * stage, an end, or — when inactive — anywhere. A value of the stage it is in, or one that
     * leads nowhere, leaves the flow under way as it is (R-JRN-4: a contact enters a stage's flow
     * when its property takes that stage's value, not again while it has it).
     */
    private static boolean leadsElsewhere(JourneyNodes.Route route, Optional<String> stage, CrmRecord record) {
        String value = record.property(route.property()).orElse("");
        var target = value.isEmpty() ? route.whenEmpty() : JourneySteps.target(route, value);
        if (target == null) {
            return false;
        }
        return target.endsJourney() || !stage.map(target.stageId()::equals).orElse(false);
    }

}
