package io.crmflow.engine;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.store.ConflictException;
import io.crmflow.filter.FilterContext;
import io.crmflow.store.DueStep;
import io.crmflow.store.RecordView;
import io.crmflow.store.StepStart;
import io.crmflow.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one step of one enrollment per message (R-WF-4, R-RUN-5): loads it, drops stale or
 * early messages, decides the step — and the actions after it up to the next outside effect or
 * wait, in the same commit ({@link StepChain}) — makes the outside effect once, commits the new
 * state with an optimistic lock, then publishes events and queues the next step. Thread-safe;
 * one instance per process.
 */
public final class StepEngine {
    private final Ports ports;
    private final EngineSettings settings;
    private final StepDecider decider;
    private final EffectRunner effects;
    private final EventPublisher publisher;

    public StepEngine(Ports ports, EngineSettings settings) {
        this.ports = ports;
        this.settings = settings;
        this.decider = new StepDecider(settings.watchdog());
        this.effects = new EffectRunner(ports.effects(), settings.effectClaim());
        this.publisher = new EventPublisher(ports.bus(), ports.outbox());
    }

    public StepOutcome run(StepMessage message, Instant now) {
        // One read for the three, where the store can: every step that runs needs them all.
        StepStart start = ports.enrollments().stepStart(message.tenantId(), message.enrollmentId(),
                ports.definitions(), ports.records());
        Enrollment e = start.enrollment()
                .orElseThrow(() -> new InvalidMessageException("step message for enrollment '" + message.enrollmentId()
                        + "' of tenant '" + message.tenantId() + "', which does not exist"));
        if (e.seq() != message.seq() || e.status().terminal()) {
            return StepOutcome.STALE;
        }
        if (e.status().waits() && e.dueAt() != null && e.dueAt().isAfter(now)) {
            return StepOutcome.NOT_DUE;
        }
        Optional<WorkflowDefinition> wf = start.workflow();
        if (wf.isEmpty()) {
            return end(e, EnrollmentStatus.FAILED, Kind.FAILED, "workflow '" + e.workflowId() + "' was deleted", now);
        }
        if (!wf.get().enabled()) {
            return hold(e, now);
        }
        // The record alone, not its whole partition: most actions read nothing else.
        Optional<CrmRecord> found = start.record();
        if (found.isEmpty()) {
            return end(e, EnrollmentStatus.UNENROLLED, Kind.UNENROLLED, "record " + e.record() + " was deleted",
                    JourneyCounters.leftFrom(wf.get(), e).stream().toList(), now);
        }
        CrmRecord record = found.get();
        TenantSchemas schemas = new TenantSchemas(ports.definitions(), e.tenantId());
        ObjectType schema = schemas.objectType(record.objectType())
                .orElseThrow(() -> new InvalidMessageException("object type '" + record.objectType() + "' is unknown"));
        // Memoised: a step may ask for the zone or the filter context more than once.
        var zone = new Memo<>(() -> zone(e.tenantId()));
        var filters = new Memo<RecordFilterContext>(() -> filterContext(e, schema, schemas, now, zone.get()));
        var in = new StepInputs(filters, zone,
                type -> schemas.objectType(type).orElseThrow(() -> new IllegalStateException(
                        "object type '" + type + "' no longer exists")), People.of(ports.people(), e.tenantId()),
                id -> ports.definitions().emailTemplate(e.tenantId(), id)
                        .or(() -> io.crmflow.definition.EmailTemplate.shipped(id))
                        .orElseThrow(() -> new IllegalStateException("there is no email template '" + id + "'")));
        StepDecision first = decider.decide(e, wf.get(), record, schema, now, in);
        return apply(e, StepChain.extend(first, decider, wf.get(), record, schema, now, in), now);
    }

    /** What a branch evaluates against: the record's partition (associations, lists) and the tenant's timezone. */
    private RecordFilterContext filterContext(Enrollment e, ObjectType schema, TenantSchemas schemas, Instant now,
                                        java.time.ZoneId zone) {
        RecordView view = ports.records().view(e.tenantId(), e.record())
                .orElseThrow(() -> new IllegalStateException("record " + e.record() + " vanished during the step"));
        return new RecordFilterContext(view, schema, List.of(), ports.records(), schemas, now, zone);
    }

    /** The tenant's timezone: delays to a date or a time of day, and date criteria, are read in it. */
    private java.time.ZoneId zone(String tenantId) {
        return ports.definitions().tenant(tenantId).map(io.crmflow.model.Tenant::timezone)
                .orElse(java.time.ZoneOffset.UTC);
    }

    private StepOutcome apply(Enrollment e, StepDecision d, Instant now) {
        List<HistoryEntry> history = d.history();
        boolean refused = false;
        if (d.effect() instanceof OutsideEffect.ContactEmails each) {
            history = withResult(history, sendEach(e, each, now));
        } else if (d.effect() != null) {
            String result = effects.once(e.tenantId(), StepDecider.effectKey(e), now, () -> make(d.effect()));
            refused = EffectRunner.refused(result);
            history = refused ? asSkipped(history, notDone(d.effect(), result)) : withResult(history, describe(d.effect(), result));
        }
        List<Write> writes = new ArrayList<>(d.commitFrom(e, history));
        if (d.effect() instanceof OutsideEffect.Email mail && !refused) {
            writes.addAll(mail.whenSent());
        }
        try {
            ports.writer().commit(writes);
        } catch (ConflictException conflict) {
            if (movedOn(e)) {
                if (d.effect() != null) {
                    recordEffectOfLostStep(e, d, history, refused, now);
                }
                return StepOutcome.STALE;
            }
            throw conflict; // a record changed under us: the redelivery decides again on fresh reads
        }
        publisher.publishCommitted(d.events());
        if (d.next().status() == EnrollmentStatus.ACTIVE) {
            ports.steps().send(List.of(d.next().stepMessage()));
        }
        return StepOutcome.EXECUTED;
    }

    /**
     * The effect was made, but the enrollment moved on meanwhile (unenrolled by an event during
     * the step), so the step's commit lost: the effect's line, and what a sent marketing email
     * counts, are still written to the enrollment as it now stands, so the history says what
     * left. Best effort: if the enrollment moves again, the effect ledger still holds the result.
     */
    private void recordEffectOfLostStep(Enrollment e, StepDecision d, List<HistoryEntry> history, boolean refused,
                                        Instant now) {
        Optional<HistoryEntry> line = history.stream()
                .filter(h -> h.kind() == Kind.ACTION_EXECUTED || h.kind() == Kind.ACTION_SKIPPED)
                .reduce((first, second) -> second);
        Optional<Enrollment> current = ports.enrollments().enrollment(e.tenantId(), e.id());
        if (line.isEmpty() || current.isEmpty()) {
            return;
        }
        Enrollment now0 = current.get();
        int since = (int) Math.min(50, now0.historySize() - e.historySize());
        boolean alreadyThere = since > 0 && ports.enrollments().history(e.tenantId(), e.id(), null, since).items()
                .stream().anyMatch(h -> h.index() >= e.historySize() && line.get().actionId() != null
                        && line.get().actionId().equals(h.actionId()) && h.kind() == line.get().kind());
        if (!now0.status().terminal() || alreadyThere) {
            return; // another copy of this step committed it, line and all
        }
        HistoryEntry late = new HistoryEntry(e.id(), now0.historySize(), now, line.get().kind(), line.get().actionId(),
                line.get().detail() + " (made while the enrollment was ending)");
        List<Write> writes = new ArrayList<>(List.of(new Write.PutEnrollment(now0.withHistoryAdded(1, now),
                now0.version()), new Write.AppendHistory(e.tenantId(), late)));
        if (d.effect() instanceof OutsideEffect.Email mail && !refused) {
            writes.addAll(mail.whenSent());
        }
        try {
            ports.writer().commit(writes);
        } catch (ConflictException movedAgain) {
            // the ledger keeps the result; the history misses one line
        }
    }

    /**
     * One email per contact, each under a key of its own: a step stopped after some were sent
     * (a throttle, a crash) finds them done when it runs again and sends only the rest.
     */
    private String sendEach(Enrollment e, OutsideEffect.ContactEmails each, Instant now) {
        List<String> results = new ArrayList<>();
        for (OutsideEffect.ToContact one : each.emails()) {
            String result = effects.once(e.tenantId(), StepDecider.effectKey(e) + "#" + one.contactId(), now,
                    () -> ports.mailer().send(one.email()));
            results.add(one.contactId() + ": " + (EffectRunner.refused(result) ? "not sent, " + result
                    : "message id " + result));
        }
        return String.join("; ", results);
    }

    private String make(OutsideEffect effect) {
        if (effect instanceof OutsideEffect.Email mail) {
            return ports.mailer().send(mail.email());
        } else if (effect instanceof OutsideEffect.Webhook hook) {
            return WebhookDelivery.deliver(ports, hook);
        } else if (effect instanceof OutsideEffect.Text text) {
            try {
                return ports.texts().send(text.text());
            } catch (io.crmflow.outbound.TextRejectedException refused) {
                throw new EffectRefusedException(refused.getMessage());
            }
        }
        throw new IllegalStateException("no way to make effect " + effect.getClass().getSimpleName());
    }

    private static String notDone(OutsideEffect effect, String refusal) {
        if (effect instanceof OutsideEffect.Webhook hook) {
            return WebhookActions.notDelivered(hook, refusal);
        }
        return (effect instanceof OutsideEffect.Email ? "email not sent, "
                : effect instanceof OutsideEffect.Text ? "text not sent, " : "not done, ") + refusal;
    }

    private static String describe(OutsideEffect effect, String result) {
        return effect instanceof OutsideEffect.Email || effect instanceof OutsideEffect.Text ? "message id " + result
                : result;
    }

    /** Counts a dead-lettered message of this step against it (see {@link #abandon}). */
    public void recordFailure(StepMessage message) {
        ports.enrollments().recordFailure(message.tenantId(), message.enrollmentId(), message.seq());
    }

    /**
     * Gives up a step whose messages were dead-lettered {@code step.failures()} times: the
     * enrollment ends as failed. A step of a switched-off workflow is held instead — switching
     * a workflow off to investigate must not fail what it holds.
     */
    public void abandon(DueStep step, Instant now) {
        Optional<Enrollment> found = ports.enrollments().enrollment(step.tenantId(), step.enrollmentId())
                .filter(e -> e.seq() == step.seq() && !e.status().terminal());
        if (found.isEmpty()) {
            return;
        }
        Enrollment e = found.get();
        Optional<WorkflowDefinition> wf = ports.definitions().workflow(e.tenantId(), e.workflowId());
        if (wf.map(w -> !w.enabled()).orElse(false)) {
            hold(e, now);
            return;
        }
        end(e, EnrollmentStatus.FAILED, Kind.FAILED, "step " + e.seq() + " at action '" + e.cursor() + "' failed "
                + step.failures() + " times; its messages are in the step dead-letter queue with the reason",
                wf.flatMap(w -> JourneyCounters.leftFrom(w, e)).stream().toList(), now);
    }

    /** A full write of the held step also starts its resend count afresh: holding is not failing. */
    private StepOutcome hold(Enrollment e, Instant now) {
        try {
            ports.writer().commit(List.of(new Write.PutEnrollment(e.heldUntil(now.plus(settings.disabledRecheck()), now),
                    e.version())));
        } catch (ConflictException movedOn) {
            return StepOutcome.STALE;
        }
        return StepOutcome.HELD;
    }

    private boolean movedOn(Enrollment e) {
        return ports.enrollments().enrollment(e.tenantId(), e.id()).map(now -> now.seq() != e.seq()).orElse(true);
    }

    private StepOutcome end(Enrollment e, EnrollmentStatus status, Kind kind, String why, Instant now) {
        return end(e, status, kind, why, List.of(), now);
    }

    /** @param counted what the ending counts besides its status (a journey contact leaving its stage) */
    private StepOutcome end(Enrollment e, EnrollmentStatus status, Kind kind, String why, List<Write> counted,
                            Instant now) {
        var entry = new HistoryEntry(e.id(), e.historySize(), now, kind, null, why);
        var decision = new StepDecision(e.advance(status, null, null, now, 1), counted, List.of(entry), List.of(), null);
        return apply(e, decision, now);
    }

    /** The provider refused the email: the action's line says so, and the enrollment moves on. */
    private static List<HistoryEntry> asSkipped(List<HistoryEntry> history, String refusal) {
        List<HistoryEntry> out = new ArrayList<>(history);
        for (int i = out.size() - 1; i >= 0; i--) {
            HistoryEntry h = out.get(i);
            if (h.kind() == Kind.ACTION_EXECUTED) {
                out.set(i, new HistoryEntry(h.enrollmentId(), h.index(), h.at(), Kind.ACTION_SKIPPED, h.actionId(),
                        refusal));
                break;
            }
        }
        return out;
    }

    /** The line that records the action gets the effect's result, so the history shows what was sent. */
    private static List<HistoryEntry> withResult(List<HistoryEntry> history, String result) {
        List<HistoryEntry> out = new ArrayList<>(history);
        for (int i = out.size() - 1; i >= 0; i--) {
            HistoryEntry h = out.get(i);
            if (h.kind() == Kind.ACTION_EXECUTED) {
                out.set(i, new HistoryEntry(h.enrollmentId(), h.index(), h.at(), h.kind(), h.actionId(),
                        h.detail() + " (" + result + ")"));
                break;
            }
        }
        return out;
    }
}
