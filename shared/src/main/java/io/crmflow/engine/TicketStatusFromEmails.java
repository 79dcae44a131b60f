package io.crmflow.engine;

import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Origin;
import io.crmflow.model.Pipeline;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.model.TicketEmailRules;
import io.crmflow.store.RecordView;
import java.time.Instant;
import java.util.Optional;

/**
 * Sets a ticket's status from the emails logged on it (R-PIPE-3..5; {@link TicketEmail} says what
 * counts, {@link TicketStatusDecision} which status, and that an email older than the ticket's
 * last status change sets none). Decides on the ticket's view as the trigger engine read it, then its
 * pipeline's rules and the pipeline by key. The status is written with its stage history and
 * event, and with the event marked done in the same commit: a redelivered event finds the mark and
 * changes nothing, also when someone moved the ticket meanwhile. Thread-safe.
 */
final class TicketStatusFromEmails implements EventAutomation {
    private static final System.Logger LOG = System.getLogger(TicketStatusFromEmails.class.getName());
    private static final int ATTEMPTS = 3;
    private static final String STATUS = Pipeline.stageProperty(StandardObjectTypes.TICKET);
    private static final String PIPELINE = Pipeline.pipelineProperty(StandardObjectTypes.TICKET);
    private final Ports ports;
    private final OnceChanges changes;

    TicketStatusFromEmails(Ports ports, EngineSettings settings) {
        this.ports = ports;
        this.changes = new OnceChanges(ports, settings);
    }

    /** The effect key that makes an event's status change happen once. */
    static String effectKey(String eventId) {
        return "TICKET_EMAIL#" + eventId;
    }

    @Override
    public void onEvent(CrmEvent event, Optional<RecordView> viewAsRead, TriggerReads reads, Instant now) {
        if (!(event instanceof CrmEvent.ActivityLogged logged)
                || !StandardObjectTypes.TICKET.equals(event.record().objectType())) {
            return;
        }
        TicketEmail email = TicketEmail.of(logged.activity());
        if (email.kind() == TicketEmail.Kind.NOT_COUNTED) {
            LOG.log(System.Logger.Level.DEBUG, () -> "event " + event.eventId() + " on ticket '" + event.record().id()
                    + "' sets no status: " + email.why());
            return;
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<RecordView> view = EventViews.forAttempt(attempt, viewAsRead,
                    () -> ports.records().view(logged.tenantId(), logged.record()));
            if (tryOnce(logged, email, view, now)) {
                return;
            }
        }
        throw new ConcurrentChangeException("ticket '" + event.record().id() + "' kept changing while email event "
                + event.eventId() + " was setting its status; the event will be handled again");
    }

    /** False when the ticket changed between the read and the commit, and the event must be tried again. */
    private boolean tryOnce(CrmEvent.ActivityLogged logged, TicketEmail email, Optional<RecordView> view, Instant now) {
        String tenant = logged.tenantId();
        Optional<String> pipelineId = view.flatMap(v -> v.record().property(PIPELINE));
        if (pipelineId.isEmpty()) {
            return true;
        }
        TicketEmailRules rules = ports.definitions().ticketEmailRules(tenant, pipelineId.get())
                .orElse(TicketEmailRules.off(pipelineId.get()));
        if (email.kind() == TicketEmail.Kind.TO_CUSTOMER && !rules.emailSentToCustomer().enabled()) {
            return true; // nothing else can come of it, so the pipeline need not be read
        }
        Optional<Pipeline> pipeline = ports.definitions().pipeline(tenant, StandardObjectTypes.TICKET, pipelineId.get());
        if (pipeline.isEmpty()) {
            return true;
        }
        CrmRecord ticket = view.get().record();
        Optional<String> target = TicketStatusDecision.target(email, logged.occurredAt(), ticket, pipeline.get(),
                rules, view.get().stageChanges());
        if (target.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, () -> "event " + logged.eventId() + " on ticket '" + ticket.id()
                    + "' sets no status" + (TicketStatusDecision.predatesLastStatusChange(logged.occurredAt(),
                    view.get().stageChanges()) ? ": the email happened before the ticket's last status change" : ""));
            return true;
        }
        OnceChanges.Outcome outcome = changes.set(ticket, STATUS, target.get(), Origin.ticketEmailRule(pipelineId.get()),
                ports.ids().get(), effectKey(logged.eventId()), target.get(), now);
        if (outcome == OnceChanges.Outcome.DONE_BEFORE) {
            LOG.log(System.Logger.Level.DEBUG, "email event " + logged.eventId() + " already set ticket "
                    + ticket.id() + "'s status");
        }
        return outcome != OnceChanges.Outcome.COLLIDED;
    }
}
