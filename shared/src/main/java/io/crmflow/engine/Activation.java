package io.crmflow.engine;

import java.time.Instant;
import java.util.Locale;

/**
 * How a workflow was activated (R-WF-8), as the API shows it: whether its existing records are
 * being enrolled, and how far that has come. The number of records to examine is not known in
 * advance (counting them would read them all, as the backfill itself does): {@code examined} is
 * the total once {@code done}.
 *
 * @param state    {@code none} (only records that meet the triggers from activation on), {@code running},
 *                 {@code paused} (the workflow is off; the backfill continues when it is on again), {@code done}
 *                 or {@code cancelled}
 * @param enrolled records the backfill enrolled, counted in each enrollment's commit
 * @param skipped  records examined and not enrolled: not matching, kept out by suppression, or enrolled
 *                 before; while running it may lag by the page in progress, whose enrollments are counted
 *                 before its records are
 * @param startedOnVersion the workflow version that was activated; pages use the current definition
 */
public record Activation(String workflowId, boolean enabled, String state, boolean done, Long run,
                         Long startedOnVersion, Long examined, Long enrolled, Long skipped, Instant startedAt,
                         Instant updatedAt, Instant finishedAt, String detail) {

    static Activation none(String workflowId, boolean enabled) {
        return new Activation(workflowId, enabled, "none", false, null, null, null, null, null, null, null, null, null);
    }

    static Activation of(Backfill job, boolean enabled, long enrolled) {
        String state = job.state() == Backfill.State.RUNNING && !enabled ? "paused"
                : job.state().name().toLowerCase(Locale.ROOT);
        return new Activation(job.workflowId(), enabled, state, job.state() == Backfill.State.DONE, job.run(),
                job.workflowVersion(), job.examined(), enrolled, Math.max(0, job.examined() - enrolled),
                job.startedAt(), job.updatedAt(), job.finishedAt(), job.detail());
    }

    /** Whether enrolling existing records is still under way (switched off or not). */
    public boolean underWay() {
        return state.equals("running") || state.equals("paused");
    }
}
