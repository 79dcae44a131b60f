package io.crmflow.engine;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.store.ConflictException;
import io.crmflow.store.Write;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Activation (R-WF-8): switching a workflow on enrolls either only the records that meet its
 * triggers from then on — the default, which touches no existing record — or also the records
 * that meet them now, which starts a backfill: pages of records run by the trigger handler
 * ({@link BackfillPager}), watched by the timer ({@link BackfillSweeper}), with progress kept in
 * one job item per workflow. Thread-safe.
 */
public final class Backfills {
    private static final int ATTEMPTS = 3;
    private final Ports ports;
    private final EngineSettings settings;
    private final DefinitionService definitions;
    private final BackfillPager pager;
    private final BackfillSweeper sweeper;

    public Backfills(Ports ports, EngineSettings settings, DefinitionService definitions) {
        this.ports = ports;
        this.settings = settings;
        this.definitions = definitions;
        this.pager = new BackfillPager(ports, settings);
        this.sweeper = new BackfillSweeper(ports, settings);
    }

    /**
     * Switches the workflow on (checking it, as every switch-on does) and either starts enrolling
     * the records that meet its triggers now, or, when {@code enrollExisting} is false, leaves
     * existing records alone and stops a backfill still under way. Asking again for a backfill
     * already under way continues that one; a backfill that ended is started afresh, and
     * records it enrolled before are not enrolled again.
     *
     * @throws NotFoundException     when the workflow does not exist
     * @throws InvalidInputException when {@code enrollExisting} is asked of a workflow without triggers,
     *                               or the workflow is not valid to switch on
     */
    public Activation activate(String tenantId, String workflowId, boolean enrollExisting, Instant now) {
        JourneyWorkflows.refuseEdit(workflowId);
        return activateChecked(tenantId, workflowId, enrollExisting, now);
    }

    /** A journey's publish answers activation's question for its workflow (R-JRN-10); nobody else may. */
    Activation activateJourney(String tenantId, String workflowId, boolean enrollExisting, Instant now) {
        return activateChecked(tenantId, workflowId, enrollExisting, now);
    }

    private Activation activateChecked(String tenantId, String workflowId, boolean enrollExisting, Instant now) {
        WorkflowDefinition wf = workflow(tenantId, workflowId);
        if (enrollExisting && wf.trigger().isEventBased()) {
            throw InvalidInputException.of("/enrollExisting", "workflow '" + workflowId + "' enrolls records when"
                    + " an event happens to them, which no existing record can meet as it stands; activate it with"
                    + " enrollExisting false");
        }
        if (enrollExisting && !matchable(wf)) {
            throw InvalidInputException.of("/enrollExisting", "workflow '" + workflowId + "' has no enrollment"
                    + " triggers, so no existing record can meet them; enroll records by hand with POST /workflows/"
                    + workflowId + "/enrollments");
        }
        boolean wasOff = !wf.enabled();
        WorkflowDefinition on = definitions.setWorkflowEnabled(wf, true);
        Optional<Backfill> job = ports.enrollments().backfill(tenantId, workflowId);
        boolean underWay = job.isPresent() && !job.get().state().ended();
        if (enrollExisting && !underWay) {
            // A new run's counter starts at nothing: no page of it has run yet.
            return Activation.of(start(on, job, now), true, 0);
        } else if (enrollExisting && wasOff) {
            ports.backfills().send(job.get().pageMessage()); // held while off: go on now, not at its next look
        } else if (!enrollExisting && underWay) {
            job = cancel(job.get(), "activated to enroll only records that meet the triggers from now on", now);
        }
        return answer(on, job);
    }

    /** Where the workflow's activation stands: its latest backfill, if it ever had one. */
    public Activation progress(String tenantId, String workflowId) {
        return answer(workflow(tenantId, workflowId), ports.enrollments().backfill(tenantId, workflowId));
    }

    private Activation answer(WorkflowDefinition wf, Optional<Backfill> latest) {
        return latest.map(job -> Activation.of(job, wf.enabled(), ports.enrollments()
                        .counters(wf.tenantId(), wf.id()).getOrDefault(job.enrolledCounter(), 0L)))
                .orElseGet(() -> Activation.none(wf.id(), wf.enabled()));
    }

    /**
     * Switches the workflow on or off, as {@link DefinitionService#setWorkflowEnabled} does; a
     * workflow switched on again lets the backfill it held go on at once rather than at its next
     * look. Switching on this way enrolls no existing record that a backfill was not already
     * enrolling: that choice is {@link #activate}'s.
     */
    public WorkflowDefinition setEnabled(String tenantId, String workflowId, boolean enabled) {
        WorkflowDefinition read = workflow(tenantId, workflowId);
        WorkflowDefinition saved = definitions.setWorkflowEnabled(read, enabled);
        if (enabled && !read.enabled()) {
            ports.enrollments().backfill(tenantId, workflowId).filter(job -> !job.state().ended())
                    .ifPresent(job -> ports.backfills().send(job.pageMessage()));
        }
        return saved;
    }

    /** Runs the page a message names; the trigger handler's part. */
    public void runPage(BackfillPage page, Instant now) {
        pager.run(page, now);
    }

    /** The timer's part: re-sends the pages of running backfills that are due. @return messages sent */
    public int sweep(Instant now, BooleanSupplier hasTime) {
        return sweeper.sweep(now, hasTime);
    }

    /** @return the job as written */
    private Backfill start(WorkflowDefinition wf, Optional<Backfill> ended, Instant now) {
        long run = ended.map(b -> b.run() + 1).orElse(1L);
        long version = ended.map(Backfill::version).orElse(0L);
        Backfill job = Backfill.start(wf.tenantId(), wf.id(), run, wf.version(), now, now.plus(settings.watchdog()),
                version + 1);
        try {
            ports.writer().commit(List.of(new Write.PutBackfill(job, version)));
        } catch (ConflictException e) {
            throw new ConcurrentChangeException("the activation of workflow '" + wf.id()
                    + "' was changed by another request at the same moment; send this one again");
        }
        ports.backfills().send(job.pageMessage());
        return job;
    }

    /**
     * Stops {@code read}, retried on a conflict: a page may commit between the read and the write.
     *
     * @return the job as it now stands: cancelled here, or ended meanwhile
     */
    private Optional<Backfill> cancel(Backfill read, String why, Instant now) {
        Optional<Backfill> job = Optional.of(read);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (job.isEmpty() || job.get().state().ended()) {
                return job;
            }
            Backfill cancelled = job.get().cancelled(why, now);
            try {
                ports.writer().commit(List.of(new Write.PutBackfill(cancelled, job.get().version())));
                return Optional.of(cancelled);
            } catch (ConflictException movedOn) {
                job = ports.enrollments().backfill(read.tenantId(), read.workflowId());
            }
        }
        throw new ConcurrentChangeException("the backfill of workflow '" + read.workflowId()
                + "' kept moving while it was being stopped; send the request again");
    }

    /**
     * Whether records can meet the workflow's triggers as they stand: it has criteria, and no
     * event to wait for — an event-based trigger is met when its event happens, not by a record.
     */
    static boolean matchable(WorkflowDefinition wf) {
        return !wf.trigger().criteria().isEmpty() && !wf.trigger().isEventBased();
    }

    private WorkflowDefinition workflow(String tenantId, String workflowId) {
        return ports.definitions().workflow(tenantId, workflowId)
                .orElseThrow(() -> new NotFoundException("workflow '" + workflowId + "' does not exist"));
    }
}
