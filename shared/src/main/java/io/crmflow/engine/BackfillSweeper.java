package io.crmflow.engine;

import io.crmflow.store.ConflictException;
import io.crmflow.store.Write;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The timer's part in backfills (R-WF-8): a running backfill whose due time has passed — its
 * page message lost, its page failing, or its switched-off workflow due for another look — gets
 * its current page's message again, and a later due time at doubling gaps, as steps do. One that
 * fails is logged and left for the next sweep. Thread-safe.
 */
final class BackfillSweeper {
    private static final System.Logger LOG = System.getLogger(BackfillSweeper.class.getName());
    private final Ports ports;
    private final EngineSettings settings;

    BackfillSweeper(Ports ports, EngineSettings settings) {
        this.ports = ports;
        this.settings = settings;
    }

    /** @return how many page messages it sent */
    int sweep(Instant now, BooleanSupplier hasTime) {
        int sent = 0;
        for (int round = 0; round < settings.sweepRounds() && hasTime.getAsBoolean(); round++) {
            List<Backfill> due;
            try {
                due = ports.enrollments().dueBackfills(now, settings.sweepBatch());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "reading the due backfills failed; the next sweep tries again: " + e);
                return sent;
            }
            for (Backfill job : due) {
                sent += resend(job, now) ? 1 : 0;
            }
            if (due.size() < settings.sweepBatch()) {
                return sent;
            }
        }
        return sent;
    }

    /** Re-arms first: a send that fails then leaves the job due again later, never forgotten. */
    private boolean resend(Backfill job, Instant now) {
        Backfill next = job.resent(now.plus(settings.resendGap(job.resends() + 1)));
        try {
            ports.writer().commit(List.of(new Write.PutBackfill(next, job.version())));
            ports.backfills().send(next.pageMessage());
            return true;
        } catch (ConflictException movedOn) {
            return false; // a page committed meanwhile: its own message carries on
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "re-sending page " + job.page() + " of the backfill of workflow "
                    + job.workflowId() + " failed; the next sweep tries again: " + e);
            return false;
        }
    }
}
