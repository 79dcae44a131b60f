package io.crmflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.engine.Backfill;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backfill job of R-WF-8 in {@link EnrollmentStore} and {@link Write.PutBackfill}. */
public abstract class BackfillStoreContract extends StoreContract {
    private static final Duration WATCHDOG = Duration.ofMinutes(5);

    private static Backfill started(String workflowId) {
        return Backfill.start(T, workflowId, 1, 3, NOW, NOW.plus(WATCHDOG), 1);
    }

    @Test
    void putBackfill_new_isReadBackWhole_andOnlyForItsWorkflow() {
        Backfill job = started("wf1");
        commit(new Write.PutBackfill(job, 0));

        assertThat(stores.enrollments().backfill(T, "wf1")).contains(job);
        assertThat(stores.enrollments().backfill(T, "wf2")).isEmpty();
        assertThat(stores.enrollments().backfill(OTHER_TENANT, "wf1")).isEmpty();
    }

    @Test
    void putBackfill_everyField_survivesTheRoundTrip() {
        Backfill running = started("wf1").afterPage("opaque-cursor", 100, NOW.plusSeconds(2), NOW.plusSeconds(302))
                .resent(NOW.plusSeconds(900));
        Backfill cancelled = running.cancelled("switched on for new records only", NOW.plusSeconds(905));
        commit(new Write.PutBackfill(running, 0));
        assertThat(stores.enrollments().backfill(T, "wf1")).contains(running);

        commit(new Write.PutBackfill(cancelled, running.version()));
        assertThat(stores.enrollments().backfill(T, "wf1")).contains(cancelled);
    }

    @Test
    void putBackfill_createWhenPresent_conflictsAndKeepsTheFirst() {
        Backfill first = started("wf1");
        commit(new Write.PutBackfill(first, 0));

        assertThat(conflict(new Write.PutBackfill(started("wf1"), 0)).writeIndex()).isZero();
        assertThat(stores.enrollments().backfill(T, "wf1")).contains(first);
    }

    @Test
    void putBackfill_expectedVersion_replacesOnlyTheVersionRead() {
        Backfill v1 = started("wf1");
        commit(new Write.PutBackfill(v1, 0));
        Backfill v2 = v1.afterPage("c", 100, NOW.plusSeconds(1), NOW.plusSeconds(301));
        commit(new Write.PutBackfill(v2, 1));

        ConflictException stale = conflict(new Write.PutBackfill(v1.resent(NOW.plusSeconds(600)), 1));

        assertThat(stale.writeIndex()).isZero();
        assertThat(stores.enrollments().backfill(T, "wf1")).contains(v2);
    }

    @Test
    void dueBackfills_runningOnesDueByNow_oldestFirst_acrossTenants() {
        Backfill late = Backfill.start(T, "late", 1, 1, NOW, NOW.plusSeconds(10), 1);
        Backfill early = Backfill.start(OTHER_TENANT, "early", 1, 1, NOW, NOW.plusSeconds(5), 1);
        Backfill notYet = Backfill.start(T, "not-yet", 1, 1, NOW, NOW.plusSeconds(60), 1);
        Backfill done = Backfill.start(T, "done", 1, 1, NOW, NOW.plusSeconds(1), 1).afterPage(null, 3, NOW, null);
        commit(new Write.PutBackfill(late, 0), new Write.PutBackfill(early, 0), new Write.PutBackfill(notYet, 0),
                new Write.PutBackfill(done, 0));

        assertThat(stores.enrollments().dueBackfills(NOW.plusSeconds(10), 10))
                .extracting(Backfill::workflowId).containsExactly("early", "late");
        assertThat(stores.enrollments().dueBackfills(NOW.plusSeconds(10), 1))
                .extracting(Backfill::workflowId).containsExactly("early");
    }

    @Test
    void dueBackfills_aJobThatEnds_leavesTheIndex() {
        Backfill running = started("wf1");
        commit(new Write.PutBackfill(running, 0));
        commit(new Write.PutBackfill(running.afterPage(null, 42, NOW.plusSeconds(1), null), 1));

        assertThat(stores.enrollments().dueBackfills(NOW.plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThat(stores.enrollments().backfill(T, "wf1").orElseThrow().state()).isEqualTo(Backfill.State.DONE);
    }

    @Test
    void putBackfill_withTheEnrollmentsItMakes_commitsAtomically() {
        Backfill job = started("wf1");
        commit(new Write.PutBackfill(job, 0), enroll(enrollment("wf1", contact("c1"),
                io.crmflow.engine.EnrollmentStatus.ACTIVE, NOW, NOW)));

        ConflictException e = conflict(new Write.PutBackfill(job.afterPage(null, 1, NOW, null), 1),
                enroll(enrollment("wf1", contact("c1"), io.crmflow.engine.EnrollmentStatus.ACTIVE, NOW, NOW)));

        assertThat(e.writeIndex()).isEqualTo(1);
        assertThat(stores.enrollments().backfill(T, "wf1")).contains(job);
        assertThat(stores.enrollments().dueBackfills(NOW.plus(WATCHDOG), 10)).containsExactly(job);
    }

    @Test
    void recordsOfType_aStoredCursorStaysValid_andRecordsAddedAheadOfItAreStillReached() {
        for (String id : List.of("a", "c", "e")) {
            commit(create(contactRecord(id)));
        }
        String kept = stores.records().recordsOfType(T, "contact", null, 2).nextCursor();
        commit(create(contactRecord("b")), create(contactRecord("d")), create(contactRecord("f")));

        Page<io.crmflow.model.CrmRecord> rest = stores.records().recordsOfType(T, "contact", kept, 100);

        assertThat(rest.items()).extracting(io.crmflow.model.CrmRecord::id)
                .as("a backfill resumed from its saved cursor goes on after it; b, behind it, is not read again")
                .containsExactly("d", "e", "f");
        assertThat(rest.nextCursor()).isNull();
    }
}
