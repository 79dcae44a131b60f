package io.crmflow.engine;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Tenant;
import io.crmflow.store.ConflictException;
import io.crmflow.store.Page;
import io.crmflow.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one page of a backfill (R-WF-8): reads the next {@link #PAGE_SIZE} records of the
 * workflow's type after the job's cursor, offers each to {@link TriggerEngine#enrollIfMatching},
 * then saves the new cursor with the count, on condition that the job is still as it was read,
 * and sends the next page's message.
 *
 * <p>Crash-safe at every point. Before the save, nothing of the page is recorded but the
 * enrollments, which are idempotent: the redelivered message runs the page again and enrolls
 * nobody twice. After the save and before the send, the job waits in the due index, and the
 * timer sends the message when the watchdog time passes. A message whose page is not the job's
 * (a duplicate, or one the job moved past) is dropped. A switched-off workflow holds its
 * backfill on the page it reached, looking again every {@link EngineSettings#disabledRecheck()}.
 * Thread-safe.
 */
final class BackfillPager {
    /** Bounded, so a page fits well within one handler invocation whatever the tenant's size. */
    static final int PAGE_SIZE = 100;

    /** What one page message did. */
    enum Outcome { RAN, FINISHED, HELD, CANCELLED, DROPPED }

    private final Ports ports;
    private final EngineSettings settings;
    private final TriggerEngine trigger;

    BackfillPager(Ports ports, EngineSettings settings) {
        this.ports = ports;
        this.settings = settings;
        this.trigger = new TriggerEngine(ports, settings);
    }

    Outcome run(BackfillPage message, Instant now) {
        Optional<Backfill> found = ports.enrollments().backfill(message.tenantId(), message.workflowId())
                .filter(b -> !b.state().ended() && b.run() == message.run() && b.page() == message.page());
        if (found.isEmpty()) {
            return Outcome.DROPPED;
        }
        Backfill job = found.get();
        Optional<WorkflowDefinition> wf = ports.definitions().workflow(job.tenantId(), job.workflowId());
        if (wf.isEmpty() || !Backfills.matchable(wf.get())) {
            String why = wf.isEmpty() ? "the workflow no longer exists"
                    : "the workflow's triggers were changed to ones no existing record can meet as it stands";
            return save(job, job.cancelled(why, now)) ? Outcome.CANCELLED : Outcome.DROPPED;
        }
        if (!wf.get().enabled()) {
            return save(job, job.heldUntil(now.plus(settings.disabledRecheck()), now)) ? Outcome.HELD : Outcome.DROPPED;
        }
        Tenant tenant = ports.definitions().tenant(job.tenantId()).orElseThrow(() -> new InvalidMessageException(
                "backfill of workflow '" + job.workflowId() + "' names tenant '" + job.tenantId()
                        + "', which does not exist"));
        BackfillScope scope = BackfillScope.of(ports.definitions(), tenant, wf.get(), "met the enrollment criteria"
                + " when the workflow was activated with its existing records (backfill run " + job.run() + ")");
        Page<CrmRecord> records = ports.records().recordsOfType(job.tenantId(), wf.get().objectType(), job.cursor(),
                PAGE_SIZE);
        enrollMatching(job, scope, records.items(), now);
        Backfill next = job.afterPage(records.nextCursor(), records.items().size(), now, now.plus(settings.watchdog()));
        if (!save(job, next)) {
            return Outcome.DROPPED;
        }
        if (next.state().ended()) {
            return Outcome.FINISHED;
        }
        ports.backfills().send(next.pageMessage());
        return Outcome.RAN;
    }

    /** The page's first steps go in one send once all its records are done (see {@link TriggerEngine#sendFirstSteps}). */
    private void enrollMatching(Backfill job, BackfillScope scope, List<CrmRecord> records, Instant now) {
        List<Enrollment> made = new ArrayList<>();
        for (CrmRecord listed : records) {
            // The listing comes from an index that may lag; decide on the record as it is now.
            ports.records().view(job.tenantId(), listed.ref())
                    .flatMap(view -> trigger.enrollIfMatching(scope, view, job.countEnrolled(listed.ref()), now))
                    .ifPresent(made::add);
        }
        trigger.sendFirstSteps(made);
    }

    private boolean save(Backfill read, Backfill next) {
        try {
            ports.writer().commit(List.of(new Write.PutBackfill(next, read.version())));
            return true;
        } catch (ConflictException movedOn) {
            return false; // another message ran this page first, or the job was cancelled or restarted
        }
    }
}
