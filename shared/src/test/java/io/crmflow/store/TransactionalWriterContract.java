package io.crmflow.store;

import static io.crmflow.engine.EnrollmentStatus.ACTIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.CrmList;
import io.crmflow.engine.Enrollment;
import io.crmflow.engine.HistoryEntry;
import io.crmflow.model.Association;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.ListKind;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Origin;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PipelineStage;
import io.crmflow.model.RecordRef;
import io.crmflow.model.Tenant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link TransactionalWriter}: all of a commit or none of it. */
public abstract class TransactionalWriterContract extends StoreContract {
    private static final RecordRef EXISTING = contact("existing");
    private static final RecordRef FRESH = contact("fresh");

    @Test
    @DisplayName("R-RUN-6 a commit with one failing condition writes none of its items")
    void commit_withOneFailingCondition_writesNothingAtAll() {
        commit(create(contactRecord("existing")));
        Enrollment enrollment = enrollment("wf1", FRESH, ACTIVE, NOW, NOW);
        List<Write> writes = List.of(
                new Write.PutTenant(new Tenant(T, "Acme", ZoneId.of("UTC"))),
                new Write.PutObjectType(T, ObjectType.custom("car", List.of())),
                create(contactRecord("fresh")),
                new Write.PutAssociation(T, new Association(FRESH, EXISTING, "")),
                new Write.PutListMembership(T, "vip", EXISTING, true),
                new Write.PutList(T, new CrmList("vip", "VIP", "contact", ListKind.STATIC, null)),
                new Write.PutPipeline(T, new Pipeline("p1", "deal", "Sales", List.of(new PipelineStage("s", "S", true)))),
                new Write.PutWorkflow(workflow("wf1", 1, true, customers()), 0),
                enroll(enrollment),
                new Write.AppendHistory(T, new HistoryEntry(enrollment.id(), 0, NOW, HistoryEntry.Kind.ENROLLED, null, "")),
                new Write.EnqueueEvent(new CrmEvent.RecordCreated("ev1", T, FRESH, NOW, Origin.api()), NOW),
                new Write.PutRecord(contactRecord("existing").with(Map.of("firstname", "Stale"), NOW), 7));

        assertThatThrownBy(() -> stores.writer().commit(writes))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.writeIndex()).isEqualTo(11));

        var defs = stores.definitions();
        assertThat(defs.tenant(T)).isEmpty();
        assertThat(defs.customObjectType(T, "car")).isEmpty();
        assertThat(defs.list(T, "vip")).isEmpty();
        assertThat(defs.pipelines(T, "deal")).isEmpty();
        assertThat(defs.workflow(T, "wf1")).isEmpty();
        assertThat(defs.workflowVersion(T, "wf1", 1)).isEmpty();
        assertThat(defs.workflows(T, null, 10).items()).isEmpty();
        assertThat(defs.triggeredWorkflows(T, "contact")).isEmpty();
        assertThat(stores.records().record(T, FRESH)).isEmpty();
        RecordView existing = stores.records().view(T, EXISTING).orElseThrow();
        assertThat(existing.record()).isEqualTo(contactRecord("existing"));
        assertThat(existing.associations()).isEmpty();
        assertThat(existing.staticLists()).isEmpty();
        var enrollments = stores.enrollments();
        assertThat(enrollments.enrollment(T, enrollment.id())).isEmpty();
        assertThat(enrollments.enrollmentOf(T, "wf1", FRESH)).isEmpty();
        assertThat(enrollments.enrollmentsOf(T, "wf1", null, 10).items()).isEmpty();
        assertThat(enrollments.history(T, enrollment.id(), null, 10).items()).isEmpty();
        assertThat(enrollments.dueSteps(NOW.plusSeconds(3600), 10)).isEmpty();
        assertThat(stores.outbox().dueEvents(NOW.plusSeconds(3600), 10)).isEmpty();

        commit(writes.subList(0, 11).toArray(Write[]::new));
        assertThat(enrollments.enrollmentOf(T, "wf1", FRESH)).contains(enrollment);
        assertThat(stores.records().view(T, EXISTING).orElseThrow().staticLists()).containsExactly("vip");
    }

    @Test
    void conflict_writeIndex_countsWritesNotTheItemsTheyExpandTo() {
        commit(create(contactRecord("existing")), new Write.PutTenant(new Tenant(T, "Acme", ZoneId.of("UTC"))));
        Write association = new Write.PutAssociation(T, new Association(FRESH, EXISTING, ""));
        Write workflow = new Write.PutWorkflow(workflow("wf1", 1, true, customers()), 0);
        Write enrollment = enroll(enrollment("wf1", FRESH, ACTIVE, NOW, NOW));
        Write membership = new Write.PutListMembership(T, "vip", FRESH, true);

        assertThat(conflict(association, workflow, enrollment, membership, create(contactRecord("existing")))
                .writeIndex()).isEqualTo(4);
        assertThat(conflict(association, new Write.PutTenant(new Tenant(T, "Again", ZoneId.of("UTC"))), workflow)
                .writeIndex()).isEqualTo(1);
        assertThat(stores.definitions().workflow(T, "wf1")).isEmpty();
    }

    @Test
    void commit_ofOneHundredItems_passes_andOfMore_isRefusedWhole() {
        List<Write> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(create(contactRecord("c" + i)));
        }
        commit(hundred.toArray(Write[]::new));
        assertThat(stores.records().recordsOfType(T, "contact", null, 200).items()).hasSize(100);

        List<Write> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(new Write.PutAssociation(T, new Association(contact("c" + i), contact("d" + i), "")));
        }
        assertThatThrownBy(() -> stores.writer().commit(tooMany)).isInstanceOf(IllegalArgumentException.class);
        assertThat(stores.records().view(T, contact("c0")).orElseThrow().associations()).isEmpty();
    }

    @Test
    void commit_touchingOneItemTwice_isRefused() {
        assertThatThrownBy(() -> commit(create(contactRecord("c1")), create(contactRecord("c1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> commit(new Write.PutListMembership(T, "vip", contact("c1"), true),
                new Write.PutListMembership(T, "vip", contact("c1"), false)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stores.records().record(T, contact("c1"))).isEmpty();
    }

    @Test
    @DisplayName("R-RUN-5 of commits racing to create one record, exactly one wins; the rest conflict")
    void commit_racingCreates_exactlyOneWins() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(atomicUnderConcurrency(),
                "this backend does not make conditional writes atomic under concurrent requests");
        List<String> outcomes = Racing.race(6, () -> {
            try {
                commit(create(contactRecord("c1")));
                return "written";
            } catch (ConflictException e) {
                return "conflict at " + e.writeIndex();
            }
        });

        assertThat(outcomes).containsOnlyOnce("written");
        assertThat(outcomes).filteredOn(o -> !o.equals("written")).containsOnly("conflict at 0");
        assertThat(stores.records().record(T, contact("c1"))).contains(contactRecord("c1"));
    }

    @Test
    void commit_ofNothing_doesNothing() {
        stores.writer().commit(List.of());

        assertThat(stores.records().recordsOfType(T, "contact", null, 10).items()).isEmpty();
    }

    @Test
    void association_ofARecordWithItself_isOneItem() {
        commit(create(contactRecord("c1")), new Write.PutAssociation(T, new Association(contact("c1"), contact("c1"), "self")));

        assertThat(stores.records().view(T, contact("c1")).orElseThrow().associations())
                .containsExactly(new Association(contact("c1"), contact("c1"), "self"));
    }

    @Test
    @DisplayName("R-WF-13 a met goal is written once, kept in the record's view; a marketing mark only moves forward")
    void workflowMarks_goalOnce_marketingOnlyToALaterGeneration() {
        commit(create(contactRecord("existing")));
        var goal = new WorkflowMark("wf1", WorkflowMark.Kind.GOAL_MET, 0, NOW);
        commit(new Write.PutWorkflowMark(T, EXISTING, goal));
        assertThatThrownBy(() -> stores.writer().commit(List.of(new Write.PutWorkflowMark(T, EXISTING,
                new WorkflowMark("wf1", WorkflowMark.Kind.GOAL_MET, 1, NOW.plusSeconds(5))))))
                .isInstanceOf(ConflictException.class);

        commit(new Write.PutWorkflowMark(T, EXISTING, new WorkflowMark("wf1", WorkflowMark.Kind.MARKETING_EMAILED, 0, NOW)));
        assertThatThrownBy(() -> stores.writer().commit(List.of(new Write.PutWorkflowMark(T, EXISTING,
                new WorkflowMark("wf1", WorkflowMark.Kind.MARKETING_EMAILED, 0, NOW.plusSeconds(5))))))
                .isInstanceOf(ConflictException.class);
        commit(new Write.PutWorkflowMark(T, EXISTING, new WorkflowMark("wf1", WorkflowMark.Kind.MARKETING_EMAILED, 1,
                NOW.plusSeconds(9))));

        var view = stores.records().view(T, EXISTING).orElseThrow();
        assertThat(view.mark("wf1", WorkflowMark.Kind.GOAL_MET)).contains(goal);
        assertThat(view.mark("wf1", WorkflowMark.Kind.MARKETING_EMAILED).orElseThrow().generation()).isEqualTo(1);
        assertThat(view.mark("wf2", WorkflowMark.Kind.GOAL_MET)).isEmpty();
    }
}
