package io.crmflow.engine;

import io.crmflow.model.Names;
import io.crmflow.model.RecordRef;
import io.crmflow.store.Write;
import java.time.Instant;

/**
 * Enrolling the records that already meet a workflow's triggers when it is activated (R-WF-8):
 * one job per workflow, paging through the tenant's records of the workflow's type in id order.
 * Immutable; every change makes the next value with {@code version + 1}, written on condition
 * that the stored job is still at the version read, so a page is counted once however often its
 * message arrives, and a page that lost the race to another is dropped.
 *
 * <p>How many records it enrolled is not kept here but counted in each enrollment's own commit
 * ({@link #enrolledCounter()}), so a page redone after a crash in its middle counts nobody twice.
 *
 * @param run             1 for the workflow's first backfill, one more for each started after it
 * @param workflowVersion the version of the workflow when this backfill was started
 * @param page            the number of the next page to run, from 1; its message must carry it
 * @param cursor          where the next page starts in the record listing; null for the first page and once ended
 * @param examined        records looked at by the pages done
 * @param finishedAt      when it ended; null while running
 * @param dueAt           while running, when the current page's message is presumed lost and is sent again;
 *                        null once ended
 * @param resends         how often the current page's message was sent again
 * @param detail          why it was cancelled; null otherwise
 */
public record Backfill(String tenantId, String workflowId, long run, long workflowVersion, State state, long page,
                       String cursor, long examined, Instant startedAt, Instant updatedAt, Instant finishedAt,
                       Instant dueAt, int resends, String detail, long version) {

    public enum State {
        RUNNING(false), DONE(true), CANCELLED(true);

        private final boolean ended;

        State(boolean ended) {
            this.ended = ended;
        }

        public boolean ended() {
            return ended;
        }
    }

    public Backfill {
        Names.requireValid(tenantId, "tenant id");
        Names.requireValid(workflowId, "workflow id");
        if (state == null || startedAt == null || updatedAt == null) {
            throw new IllegalArgumentException("a backfill needs a state, startedAt and updatedAt");
        }
        if (run < 1 || page < 1 || examined < 0 || resends < 0 || version < 1) {
            throw new IllegalArgumentException("a backfill's run, page and version start at 1, its counts at 0");
        }
        if (state.ended() != (dueAt == null)) {
            throw new IllegalArgumentException("a running backfill has a due time and an ended one has none");
        }
    }

    /** Run {@code run} of the workflow's backfill, at its first page, which is due by {@code dueAt}. */
    public static Backfill start(String tenantId, String workflowId, long run, long workflowVersion, Instant now,
                                 Instant dueAt, long version) {
        return new Backfill(tenantId, workflowId, run, workflowVersion, State.RUNNING, 1, null, 0, now, now, null,
                dueAt, 0, null, version);
    }

    /** The next value once a page of {@code examinedInPage} records is done; the last page ends it. */
    public Backfill afterPage(String nextCursor, int examinedInPage, Instant now, Instant nextDue) {
        boolean last = nextCursor == null;
        return new Backfill(tenantId, workflowId, run, workflowVersion, last ? State.DONE : State.RUNNING, page + 1,
                nextCursor, examined + examinedInPage, startedAt, now, last ? now : null, last ? null : nextDue, 0,
                null, version + 1);
    }

    /** The same page, not run before {@code until}: a switched-off workflow holds its backfill this way. */
    public Backfill heldUntil(Instant until, Instant now) {
        return new Backfill(tenantId, workflowId, run, workflowVersion, state, page, cursor, examined, startedAt, now,
                null, until, 0, null, version + 1);
    }

    /** The same page, its message sent once more, presumed lost again at {@code nextDue}. */
    public Backfill resent(Instant nextDue) {
        return new Backfill(tenantId, workflowId, run, workflowVersion, state, page, cursor, examined, startedAt,
                updatedAt, null, nextDue, resends + 1, null, version + 1);
    }

    public Backfill cancelled(String why, Instant now) {
        return new Backfill(tenantId, workflowId, run, workflowVersion, State.CANCELLED, page, null, examined,
                startedAt, now, now, null, 0, why, version + 1);
    }

    /** The message that runs the current page. */
    public BackfillPage pageMessage() {
        return new BackfillPage(tenantId, workflowId, run, page);
    }

    /** The workflow counter of the records this run enrolled: incremented in each enrollment's commit. */
    public String enrolledCounter() {
        return counterOf(run);
    }

    /**
     * One more record this run enrolled, written in the commit that enrolls {@code record} (its
     * first enrollment in the workflow, the only kind a backfill makes).
     */
    Write countEnrolled(RecordRef record) {
        return new Write.IncrementCounter(tenantId, workflowId, enrolledCounter(), Enrollment.idFor(workflowId, record));
    }

    static String counterOf(long run) {
        return "backfill-" + run;
    }
}
