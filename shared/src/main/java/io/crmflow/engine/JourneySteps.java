package io.crmflow.engine;

import io.crmflow.definition.JourneyNodes;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Origin;
import io.crmflow.outbound.OutgoingText;
import io.crmflow.store.Write;
import java.util.Map;

/**
 * Decides the steps of a journey's own nodes ({@link JourneyNodes}): routing a contact where its
 * property's value leads, entering a stage, reaching an end, staying in a stage, and sending a
 * text. Pure, as {@link StepDecider} is; every count of R-JRN-13 is a write of the step that
 * makes the move. Stateless.
 */
final class JourneySteps {
    private JourneySteps() {
    }

    static StepDecision route(StepDraft step, JourneyNodes.Route route, CrmRecord record) {
        String value = record.property(route.property()).orElse("");
        JourneyNodes.Target target = value.isEmpty() ? route.whenEmpty() : target(route, value);
        if (target == null) {
            String where = route.fromStage() == null ? "stays inactive" : "stays in stage '" + route.fromStage() + "'";
            step.log(Kind.WAIT_STARTED, route.id(), route.property() + " is " + (value.isEmpty() ? "empty"
                    : "'" + value + "'") + ", which leads to no stage or end of the journey: " + where
                    + " until it changes");
            return step.awaitEvent(route.next(), null);
        }
        if (!target.endsJourney() && target.stageId().equals(route.fromStage())) {
            step.log(Kind.WAIT_STARTED, route.id(), route.property() + " is '" + value + "', the value of stage '"
                    + target.stageId() + "' it is in: stays there until it changes");
            return step.awaitEvent(route.next(), null);
        }
        if (!target.endsJourney()) {
            return enter(step, route.id(), route.fromStage(), target, "entered stage '" + target.stageId() + "': "
                    + route.property() + (value.isEmpty() ? " is empty" : " is '" + value + "'"));
        }
        if (route.leaveOnEndMatched()) {
            if (route.fromStage() != null) {
                step.writes.add(JourneyCounters.count(step.e, JourneyCounters.left(route.fromStage())));
            }
            step.writes.add(JourneyCounters.count(step.e, JourneyCounters.UNENROLLED_AT_END));
            return step.finish(io.crmflow.engine.EnrollmentStatus.UNENROLLED, Kind.UNENROLLED, route.property()
                    + " took the value '" + value + "' of end '" + target.endId() + "' before a flow led there: left"
                    + " the journey, skipping the end's actions (R-JRN-7)");
        }
        return reach(step, route.id(), route.fromStage(), target, record, null);
    }

    /**
     * The stage or end a value leads to. A checkbox property (R-JRN-1 allows one) may hold several
     * options at once: an end among them wins, else the furthest stage, since a contact ticked
     * into a later stage has moved on.
     */
    static JourneyNodes.Target target(JourneyNodes.Route route, String value) {
        var exact = route.targets().stream().filter(t -> value.equals(t.value())).findFirst();
        if (exact.isPresent() || !value.contains(";")) {
            return exact.orElse(null);
        }
        var ticked = io.crmflow.model.PropertyValues.multi(value);
        JourneyNodes.Target found = null;
        for (JourneyNodes.Target t : route.targets()) {
            // Stages come first, in order, then the ends: a later stage replaces an earlier one, and the first end stays.
            if (ticked.contains(t.value()) && (found == null || !found.endsJourney())) {
                found = t;
            }
        }
        return found;
    }

    /** "Go to an earlier stage": the property takes that stage's value, and its flow runs again. */
    static StepDecision enterStage(StepDraft step, JourneyNodes.EnterStage go, CrmRecord record) {
        step.change(record, Map.of(go.property(), go.target().value()), Origin.workflow(step.e.workflowId()), 0);
        return enter(step, go.id(), go.fromStage(), go.target(), "went back to stage '" + go.target().stageId()
                + "': " + go.property() + " set to '" + go.target().value() + "'");
    }

    /** "Go to an end": the property takes the end's value, and the contact has reached it. */
    static StepDecision reachEnd(StepDraft step, JourneyNodes.ReachEnd go, CrmRecord record) {
        return reach(step, go.id(), go.fromStage(), go.target(), record, go.property());
    }

    /** A contact whose stage's flow is done, or which is inactive, waits for its property to change. */
    static StepDecision stay(StepDraft step, JourneyNodes.Stay stay) {
        if (step.e.status() != EnrollmentStatus.AWAITING_EVENT) {
            step.log(Kind.WAIT_STARTED, stay.id(), stay.stageId() == null ? "inactive: moves on only when its"
                    + " journey property takes a stage's or an end's value"
                    : "the flow of stage '" + stay.stageId() + "' is done: stays in the stage until its journey"
                    + " property changes");
        }
        return step.awaitEvent(stay.id(), null);
    }

    static StepDecision sendText(StepDraft step, JourneyNodes.SendText text, CrmRecord record) {
        String channel = text.channel() == JourneyNodes.TextKind.SMS ? "SMS" : "WhatsApp message";
        String to = record.property("phone").orElse("");
        if (to.isBlank()) {
            step.log(Kind.ACTION_SKIPPED, text.id(), channel + " not sent: the contact has no phone number");
            return step.moveTo(text.next());
        }
        if (!RecordActions.marketable(record)) {
            step.log(Kind.ACTION_SKIPPED, text.id(), channel + " not sent: not a marketing contact, or opted out");
            return step.moveTo(text.next());
        }
        var message = new OutgoingText(record.tenantId(), text.channel(), to, Personalizer.render(text.body(), record),
                StepIds.email(step.e.id(), step.e.seq()));
        step.log(Kind.ACTION_EXECUTED, text.id(), channel + " sent");
        return step.moveTo(text.next()).withEffect(new OutsideEffect.Text(message));
    }

    private static StepDecision enter(StepDraft step, String actionId, String fromStage, JourneyNodes.Target stage,
                                      String detail) {
        if (fromStage != null) {
            step.writes.add(JourneyCounters.count(step.e, JourneyCounters.toStage(fromStage, stage.stageId())));
        }
        step.writes.add(JourneyCounters.count(step.e, JourneyCounters.entered(stage.stageId())));
        step.log(Kind.ACTION_EXECUTED, actionId, detail);
        return step.moveTo(stage.goesTo());
    }

    /**
     * Reaches an end (R-JRN-6): counted, the contact added to the end's static list, the
     * enrollment complete.
     *
     * @param setProperty the journey property to set to the end's value; null when it holds it already
     */
    private static StepDecision reach(StepDraft step, String actionId, String fromStage, JourneyNodes.Target end,
                                      CrmRecord record, String setProperty) {
        if (setProperty != null) {
            step.change(record, Map.of(setProperty, end.value()), Origin.workflow(step.e.workflowId()), 0);
        }
        if (fromStage != null) {
            step.writes.add(JourneyCounters.count(step.e, JourneyCounters.toEnd(fromStage, end.endId())));
        }
        step.writes.add(JourneyCounters.count(step.e, JourneyCounters.reached(end.endId())));
        String list = "";
        if (end.addToList() != null) {
            step.writes.add(new Write.PutListMembership(record.tenantId(), end.addToList(), record.ref(), true));
            step.emit(new CrmEvent.ListMembershipChanged(step.eventId(1), record.tenantId(), record.ref(), step.now,
                    Origin.workflow(step.e.workflowId()), end.addToList(), true));
            list = "; added to list '" + end.addToList() + "'";
        }
        step.log(Kind.ACTION_EXECUTED, actionId, "reached " + (end.goal() ? "the goal end '" : "the unsuccessful end '")
                + end.endId() + "'" + list);
        return step.finish(EnrollmentStatus.COMPLETED, Kind.COMPLETED, "reached end '" + end.endId() + "'");
    }
}
