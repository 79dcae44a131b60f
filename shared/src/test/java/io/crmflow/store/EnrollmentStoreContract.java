package io.crmflow.store;

import static io.crmflow.engine.EnrollmentStatus.ACTIVE;
import static io.crmflow.engine.EnrollmentStatus.COMPLETED;
import static io.crmflow.engine.EnrollmentStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.engine.Enrollment;
import io.crmflow.engine.HistoryEntry;
import io.crmflow.model.RecordRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link EnrollmentStore} and the enrollment writes: enrollments, their slots and their history. */
public abstract class EnrollmentStoreContract extends StoreContract {

    @Test
    void incrementCounter_countsOncePerCommit_andNotAtAllWhenTheCommitFails() {
        Enrollment e = enrollment("wf1", contact("c1"), WAITING, NOW.plusSeconds(3600), NOW);
        commit(enroll(e), new Write.IncrementCounter(T, "wf1", "enrolled", e.id()));
        commit(new Write.IncrementCounter(T, "wf1", "enrolled", "spread-elsewhere"),
                new Write.IncrementCounter(T, "wf1", "completed", "another"));
        assertThatThrownBy(() -> commit(enroll(e), new Write.IncrementCounter(T, "wf1", "enrolled", e.id())))
                .isInstanceOf(io.crmflow.store.ConflictException.class);

        assertThat(stores.enrollments().counters(T, "wf1")).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("enrolled", 2L, "completed", 1L));
        assertThat(stores.enrollments().counters(T, "wf2")).isEmpty();
        assertThat(stores.enrollments().counters(OTHER_TENANT, "wf1")).isEmpty();
    }

    @Test
    void stepStart_readsTheEnrollmentItsWorkflowAndItsRecord_eachEmptyWhenAbsent() {
        commit(new Write.PutWorkflow(workflow("wf1", 1, true, customers()), 0), create(contactRecord("c1")));
        Enrollment e = enrollment("wf1", contact("c1"), ACTIVE, NOW, NOW);
        Enrollment orphan = enrollment("gone", contact("c2"), ACTIVE, NOW, NOW);
        commit(enroll(e), enroll(orphan));

        StepStart start = stores.enrollments().stepStart(T, e.id(), stores.definitions(), stores.records());
        assertThat(start.enrollment()).contains(e);
        assertThat(start.workflow()).map(io.crmflow.definition.WorkflowDefinition::id).contains("wf1");
        assertThat(start.record()).map(io.crmflow.model.CrmRecord::ref).contains(contact("c1"));
        assertThat(stores.enrollments().stepStart(T, orphan.id(), stores.definitions(), stores.records()))
                .isEqualTo(new StepStart(java.util.Optional.of(orphan), java.util.Optional.empty(),
                        java.util.Optional.empty()));
        assertThat(stores.enrollments().stepStart(T, "wf1~contact~nobody", stores.definitions(), stores.records()))
                .isEqualTo(StepStart.NOTHING);
        assertThat(stores.enrollments().stepStart(OTHER_TENANT, e.id(), stores.definitions(), stores.records()))
                .isEqualTo(StepStart.NOTHING);
    }

    @Test
    void stepStart_ofAnIdNotNamingItsWorkflowAndRecord_readsThemAfterTheEnrollment() {
        commit(new Write.PutWorkflow(workflow("wf1", 1, true, customers()), 0), create(contactRecord("c1")));
        Enrollment e = new Enrollment(T, "e-1", "wf1", 1, contact("c1"), ACTIVE, "wait", 1, NOW, NOW, NOW, 0, 1);
        commit(enroll(e));

        StepStart start = stores.enrollments().stepStart(T, "e-1", stores.definitions(), stores.records());
        assertThat(start.enrollment()).contains(e);
        assertThat(start.workflow()).isPresent();
        assertThat(start.record()).isPresent();
    }

    @Test
    void putEnrollment_new_isFoundByIdAndByRecord() {
        Enrollment e = enrollment("wf1", contact("c1"), WAITING, NOW.plusSeconds(3600), NOW);
        commit(enroll(e));

        assertThat(stores.enrollments().enrollment(T, e.id())).contains(e);
        assertThat(stores.enrollments().enrollmentOf(T, "wf1", contact("c1"))).contains(e);
        assertThat(stores.enrollments().enrollmentOf(T, "wf2", contact("c1"))).isEmpty();
        assertThat(stores.enrollments().enrollmentOf(T, "wf1", contact("c2"))).isEmpty();
        assertThat(stores.enrollments().enrollment(OTHER_TENANT, e.id())).isEmpty();
    }

    @Test
    @DisplayName("R-WF-3 R-RUN-5 the record's slot refuses a second enrollment in the same workflow")
    void putEnrollment_secondForTheSameRecord_conflictsOnTheSlot() {
        Enrollment first = enrollment("wf1", contact("c1"), ACTIVE, NOW, NOW);
        commit(enroll(first));
        Enrollment other = new Enrollment(T, "another-id", "wf1", 1, contact("c1"), ACTIVE, "wait", 1, NOW, NOW,
                NOW, 0, 1);

        assertThat(conflict(enroll(first)).writeIndex()).isZero();
        assertThat(conflict(create(contactRecord("c9")), enroll(other)).writeIndex()).isEqualTo(1);
        assertThat(stores.enrollments().enrollment(T, "another-id")).isEmpty();
        assertThat(stores.records().record(T, contact("c9"))).isEmpty();
        assertThat(stores.enrollments().enrollmentOf(T, "wf1", contact("c1"))).contains(first);
    }

    @Test
    void putEnrollment_finishedEnrollment_stillHoldsTheSlot() {
        Enrollment e = enrollment("wf1", contact("c1"), ACTIVE, NOW, NOW);
        commit(enroll(e));
        Enrollment done = e.advance(COMPLETED, null, null, NOW.plusSeconds(1), 1);
        commit(new Write.PutEnrollment(done, 1));

        assertThat(conflict(enroll(enrollment("wf1", contact("c1"), ACTIVE, NOW, NOW))).writeIndex()).isZero();
        assertThat(stores.enrollments().enrollmentOf(T, "wf1", contact("c1"))).contains(done);
    }

    @Test
    void putEnrollment_expectedVersion_advancesOnlyFromTheVersionRead() {
        Enrollment e = enrollment("wf1", contact("c1"), ACTIVE, NOW, NOW);
        commit(enroll(e));
        Enrollment next = e.advance(WAITING, "tag", NOW.plusSeconds(60), NOW, 1);
        commit(new Write.PutEnrollment(next, 1));

        Enrollment concurrent = e.advance(COMPLETED, null, null, NOW, 1);
        assertThat(conflict(new Write.PutEnrollment(concurrent, 1)).writeIndex()).isZero();
        assertThat(conflict(new Write.PutEnrollment(enrollment("wf1", contact("c2"), ACTIVE, NOW, NOW), 1))
                .writeIndex()).as("updating an enrollment that does not exist").isZero();
        assertThat(stores.enrollments().enrollment(T, e.id())).contains(next);
    }

    @Test
    @DisplayName("R-WF-10 history comes newest first, a page at a time")
    void history_newestFirstInPages() {
        String id = Enrollment.idFor("wf1", contact("c1"));
        for (int i = 0; i < 5; i++) {
            commit(new Write.AppendHistory(T, entry(id, i)));
        }
        commit(new Write.AppendHistory(T, entry(Enrollment.idFor("wf2", contact("c1")), 0)));

        List<List<Long>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Page<HistoryEntry> page = stores.enrollments().history(T, id, cursor, 2);
            pages.add(page.items().stream().map(HistoryEntry::index).toList());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(pages).containsExactly(List.of(4L, 3L), List.of(2L, 1L), List.of(0L));
        assertThat(stores.enrollments().history(T, id, null, 10).items().get(4)).isEqualTo(entry(id, 0));
        assertThat(stores.enrollments().history(T, "nobody", null, 10)).isEqualTo(new Page<>(List.of(), null));
    }

    @Test
    void history_sameIndexTwice_conflicts() {
        String id = Enrollment.idFor("wf1", contact("c1"));
        commit(new Write.AppendHistory(T, entry(id, 0)));

        HistoryEntry again = new HistoryEntry(id, 0, NOW, HistoryEntry.Kind.FAILED, null, null);
        assertThat(conflict(new Write.AppendHistory(T, again)).writeIndex()).isZero();
        assertThat(stores.enrollments().history(T, id, null, 10).items()).containsExactly(entry(id, 0));
    }

    @Test
    void enrollmentsOf_newestFirstInPages() {
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Enrollment e = enrollment("wf1", contact("c" + i), ACTIVE, NOW, NOW.plusMillis(i * 500L));
            commit(enroll(e));
            newestFirst.add(0, e.id());
        }
        commit(enroll(enrollment("wf2", contact("c0"), ACTIVE, NOW, NOW.plusSeconds(99))));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Enrollment> page = stores.enrollments().enrollmentsOf(T, "wf1", cursor, 2);
            page.items().forEach(e -> seen.add(e.id()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    @DisplayName("R-RUN-5 the due index finds due steps oldest first and leaves out finished enrollments")
    void dueSteps_findsDueOnes_oldestFirst_notFutureOrTerminal() {
        Enrollment late = enrollment("wf1", contact("late"), WAITING, NOW.minusSeconds(60), NOW);
        Enrollment onTime = enrollment("wf1", contact("ontime"), ACTIVE, NOW, NOW);
        Enrollment future = enrollment("wf1", contact("future"), WAITING, NOW.plusMillis(1), NOW);
        Enrollment done = enrollment("wf1", contact("done"), ACTIVE, NOW.minusSeconds(30), NOW);
        Enrollment undated = enrollment("wf1", contact("undated"), ACTIVE, null, NOW);
        commit(enroll(late), enroll(onTime), enroll(future), enroll(done), enroll(undated));
        commit(new Write.PutEnrollment(done.advance(COMPLETED, null, null, NOW, 1), 1));

        assertThat(stores.enrollments().dueSteps(NOW, 10)).containsExactly(
                new DueStep(T, late.id(), 1, late.dueAt(), 0, 0), new DueStep(T, onTime.id(), 1, onTime.dueAt(), 0, 0));
        assertThat(stores.enrollments().dueSteps(NOW, 1)).extracting(DueStep::enrollmentId).containsExactly(late.id());
        assertThat(stores.enrollments().dueSteps(NOW.minusSeconds(3600), 10)).isEmpty();
    }

    @Test
    void dueSteps_acrossTenantsAndShards_oldestFirstUpToTheLimit() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String tenant = i % 2 == 0 ? T : OTHER_TENANT;
            RecordRef ref = contact("c" + i);
            Enrollment e = new Enrollment(tenant, Enrollment.idFor("wf1", ref), "wf1", 1, ref, WAITING, "wait", 7,
                    NOW.minusSeconds(100 - i), NOW, NOW, 0, 1);
            commit(enroll(e));
            expected.add(tenant + "/" + e.id());
        }
        List<DueStep> due = stores.enrollments().dueSteps(NOW, 20);

        assertThat(due).extracting(d -> d.tenantId() + "/" + d.enrollmentId())
                .containsExactlyElementsOf(expected.subList(0, 20));
        assertThat(due).allSatisfy(d -> assertThat(d.seq()).isEqualTo(7));
    }

    @Test
    void rearm_movesTheDueTime_onlyWhileAtTheSameStep() {
        Enrollment e = enrollment("wf1", contact("c1"), ACTIVE, NOW.minusSeconds(5), NOW);
        commit(enroll(e));
        DueStep step = stores.enrollments().dueSteps(NOW, 10).get(0);
        Instant later = NOW.plusSeconds(300);

        assertThat(stores.enrollments().rearm(step, later)).isTrue();
        assertThat(stores.enrollments().enrollment(T, e.id())).as("the enrollment itself is untouched").contains(e);
        assertThat(stores.enrollments().dueSteps(NOW, 10)).isEmpty();
        assertThat(stores.enrollments().dueSteps(later, 10)).containsExactly(new DueStep(T, e.id(), 1, later, 1, 0));

        Enrollment moved = e.advance(WAITING, "tag", NOW.plusSeconds(900), NOW, 1);
        commit(new Write.PutEnrollment(moved, 1));
        assertThat(stores.enrollments().dueSteps(NOW.plusSeconds(900), 10))
                .as("a new step puts the index back at the enrollment's own due time")
                .containsExactly(new DueStep(T, e.id(), 2, NOW.plusSeconds(900), 0, 0));
        assertThat(stores.enrollments().rearm(step, NOW.plusSeconds(600))).isFalse();
        assertThat(stores.enrollments().enrollment(T, e.id())).contains(moved);
    }

    @Test
    void rearm_fromAStaleReadOfTheIndex_doesNothing_andFailuresCountUntilTheStepMovesOn() {
        Enrollment e = enrollment("wf1", contact("c1"), ACTIVE, NOW.minusSeconds(5), NOW);
        commit(enroll(e));
        DueStep seen = stores.enrollments().dueSteps(NOW, 10).get(0);
        assertThat(stores.enrollments().rearm(seen, NOW.plusSeconds(300))).isTrue();
        assertThat(stores.enrollments().rearm(seen, NOW.plusSeconds(600))).as("already moved since it was seen").isFalse();

        stores.enrollments().recordFailure(T, e.id(), 1);
        stores.enrollments().recordFailure(T, e.id(), 1);
        stores.enrollments().recordFailure(T, e.id(), 7);
        assertThat(stores.enrollments().dueSteps(NOW.plusSeconds(300), 10))
                .containsExactly(new DueStep(T, e.id(), 1, NOW.plusSeconds(300), 1, 2));

        commit(new Write.PutEnrollment(e.advance(WAITING, "tag", NOW.plusSeconds(900), NOW, 0), 1));
        assertThat(stores.enrollments().dueSteps(NOW.plusSeconds(900), 10))
                .containsExactly(new DueStep(T, e.id(), 2, NOW.plusSeconds(900), 0, 0));
    }

    @Test
    void rearm_ofFinishedOrMissingEnrollment_doesNothing() {
        Enrollment e = enrollment("wf1", contact("c1"), ACTIVE, NOW, NOW);
        commit(enroll(e));
        Enrollment done = new Enrollment(T, e.id(), "wf1", 1, e.record(), COMPLETED, null, 1, null, NOW, NOW, 1, 2);
        commit(new Write.PutEnrollment(done, 1));

        assertThat(stores.enrollments().rearm(new DueStep(T, e.id(), 1, NOW, 0, 0), NOW.plusSeconds(60))).isFalse();
        assertThat(stores.enrollments().rearm(new DueStep(T, "ghost", 1, NOW, 0, 0), NOW.plusSeconds(60))).isFalse();
        assertThat(stores.enrollments().enrollment(T, e.id())).contains(done);
        assertThat(stores.enrollments().enrollment(T, "ghost")).isEmpty();
        assertThat(stores.enrollments().dueSteps(NOW.plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    @DisplayName("R-WF-3 a slot frees when its enrollment ends; re-enrolling claims it once, at the count read")
    void reenroll_onlyAfterTheLiveEnrollmentEnded_andOnlyOnceForACount() {
        Enrollment first = enrollment("wf1", contact("c1"), ACTIVE, NOW, NOW);
        commit(enroll(first));
        Enrollment second = new Enrollment(T, first.id() + "~2", "wf1", 1, contact("c1"), ACTIVE, "a", 1, NOW, NOW, NOW,
                1, 1);
        assertThatThrownBy(() -> commit(new Write.Reenroll(second, 1)))
                .as("the first is still live").isInstanceOf(ConflictException.class);

        commit(new Write.PutEnrollment(first.advance(COMPLETED, null, null, NOW, 0), 1));
        assertThat(stores.records().view(T, contact("c1"))).isEmpty(); // no record item here: the slot still stands
        commit(new Write.Reenroll(second, 1));
        Enrollment third = new Enrollment(T, first.id() + "~3", "wf1", 1, contact("c1"), ACTIVE, "a", 1, NOW, NOW, NOW,
                1, 1);
        assertThatThrownBy(() -> commit(new Write.Reenroll(third, 1)))
                .as("a racing handler that read the same count loses").isInstanceOf(ConflictException.class);
        assertThat(stores.enrollments().enrollmentOf(T, "wf1", contact("c1"))).contains(second);
    }

    private static HistoryEntry entry(String enrollmentId, long index) {
        return new HistoryEntry(enrollmentId, index, NOW.plusSeconds(index), HistoryEntry.Kind.ACTION_EXECUTED,
                "a" + index, index % 2 == 0 ? "ok" : null);
    }
}
