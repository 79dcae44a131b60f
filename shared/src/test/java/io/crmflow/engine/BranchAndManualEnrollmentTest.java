package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-2 manual enrollment, R-WF-4 if/then and value-equals branches, R-WF-10 branch taken in the history")
class BranchAndManualEnrollmentTest {
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    private void contact(String id, Map<String, String> props) {
        h.engine.records().create("acme", "contact", id, props, Origin.api(), h.now);
    }

    private String jobtitle(String id) {
        return h.engine.records().get("acme", new RecordRef("contact", id)).property("jobtitle").orElse(null);
    }

    private Enrollment enroll(String workflowId, String contactId) {
        Enrollment e = h.engine.trigger().enrollManually("acme", workflowId, new RecordRef("contact", contactId), h.now);
        h.pump();
        return h.store.enrollment("acme", e.id()).orElseThrow();
    }

    private WorkflowDefinition save(String id, String first, Action... actions) {
        return h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", id, null, "contact", 0, true,
                EnrollmentTrigger.MANUAL, first, List.of(actions)));
    }

    @Test
    void ifThenBranch_takesTheFirstMatchingPath_orTheNoneMatchedBranch_andSaysWhichInTheHistory() {
        save("route", "which",
                new Action.Branch("which", List.of(
                        new Action.BranchPath("customers", Filter.allOf(Filters.where("lifecyclestage").equalTo("customer")), "c"),
                        new Action.BranchPath("leads", Filter.allOf(Filters.where("lifecyclestage").equalTo("lead")), "l")),
                        "o"),
                new Action.SetProperty("c", "jobtitle", "C", null),
                new Action.SetProperty("l", "jobtitle", "L", null),
                new Action.SetProperty("o", "jobtitle", "O", null));
        contact("a", Map.of("lifecyclestage", "customer"));
        contact("b", Map.of("lifecyclestage", "lead"));
        contact("c", Map.of("lifecyclestage", "evangelist"));

        Enrollment a = enroll("route", "a");
        enroll("route", "b");
        enroll("route", "c");

        assertThat(List.of(jobtitle("a"), jobtitle("b"), jobtitle("c"))).containsExactly("C", "L", "O");
        assertThat(h.store.history("acme", a.id(), null, 10).items())
                .filteredOn(line -> line.kind() == Kind.BRANCH_TAKEN).singleElement()
                .satisfies(line -> assertThat(line.detail()).isEqualTo("branch 'customers' taken"));
    }

    @Test
    void ifThenBranch_onListMembership_readsTheRecordsLists() {
        h.engine.definitions().putList("acme", new io.crmflow.definition.CrmList("vip", "VIP", "contact",
                io.crmflow.model.ListKind.STATIC, null));
        save("vip-route", "which",
                new Action.Branch("which", List.of(new Action.BranchPath("vip", Filter.allOf(Filters.inList("vip")), "v")), null),
                new Action.SetProperty("v", "jobtitle", "VIP", null));
        contact("a", Map.of());
        contact("b", Map.of());
        h.engine.definitions().setListMembership("acme", "vip", new RecordRef("contact", "a"), true, h.now);

        assertThat(enroll("vip-route", "a").status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(enroll("vip-route", "b").status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(jobtitle("a")).isEqualTo("VIP");
        assertThat(jobtitle("b")).isNull();
    }

    @Test
    void valueEqualsBranch_comparesByThePropertysType() {
        h.engine.definitions().putObjectType("acme", io.crmflow.model.ObjectType.custom("unused", List.of(
                io.crmflow.model.PropertyDefinition.of("x", io.crmflow.model.PropertyType.STRING))));
        save("by-stage", "which",
                new Action.ValueBranch("which", "lifecyclestage", List.of(
                        new Action.ValueCase("customer", "c"), new Action.ValueCase("lead", "l")), null),
                new Action.SetProperty("c", "jobtitle", "C", null),
                new Action.SetProperty("l", "jobtitle", "L", null));
        contact("a", Map.of("lifecyclestage", "lead"));
        contact("b", Map.of());

        enroll("by-stage", "a");
        Enrollment none = enroll("by-stage", "b");

        assertThat(jobtitle("a")).isEqualTo("L");
        assertThat(jobtitle("b")).isNull();
        assertThat(h.store.history("acme", none.id(), null, 10).items())
                .anySatisfy(line -> assertThat(line.detail()).contains("matched no value"));
    }

    @Test
    void manualEnrollment_once_andRefusedForAnotherTypeAMissingRecordOrAWorkflowThatIsOff() {
        save("hand", "tag", new Action.SetProperty("tag", "jobtitle", "T", null));
        contact("a", Map.of());

        assertThat(enroll("hand", "a").status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThatThrownBy(() -> h.engine.trigger().enrollManually("acme", "hand", new RecordRef("contact", "a"), h.now))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("enrolled once");
        assertThatThrownBy(() -> h.engine.trigger().enrollManually("acme", "hand", new RecordRef("deal", "a"), h.now))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).pointer()).isEqualTo("/objectType"));
        assertThatThrownBy(() -> h.engine.trigger().enrollManually("acme", "hand", new RecordRef("contact", "zz"), h.now))
                .isInstanceOf(NotFoundException.class);
        h.engine.definitions().setWorkflowEnabled("acme", "hand", false);
        contact("b", Map.of());
        assertThatThrownBy(() -> h.engine.trigger().enrollManually("acme", "hand", new RecordRef("contact", "b"), h.now))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is off");
    }

    @Test
    void validator_branchProblemsAndLoopsWithoutAWait_areRefused_loopsThatWaitAreAllowed() {
        var problems = WorkflowValidator.validate(new WorkflowDefinition("acme", "w", null, "contact", 0, true,
                EnrollmentTrigger.MANUAL, "b", List.of(
                        new Action.Branch("b", List.of(new Action.BranchPath("", Filter.NONE, "nowhere")), null),
                        new Action.ValueBranch("v", "shoesize", List.of(), null))),
                new TenantSchemas(h.store, "acme"));
        assertThat(problems).extracting(io.crmflow.model.InputProblem::pointer).contains(
                "/actions/0/paths/0/name", "/actions/0/paths/0/criteria", "/actions/0/paths/0/next",
                "/actions/1/property", "/actions/1/cases", "/actions/1");

        var tight = WorkflowValidator.validate(new WorkflowDefinition("acme", "w", null, "contact", 0, true,
                EnrollmentTrigger.MANUAL, "b", List.of(
                        new Action.Branch("b", List.of(new Action.BranchPath("again", Filter.allOf(
                                Filters.where("lifecyclestage").equalTo("lead")), "s")), null),
                        new Action.SetProperty("s", "jobtitle", "x", "b"))),
                new TenantSchemas(h.store, "acme"));
        assertThat(tight).singleElement().satisfies(p -> assertThat(p.message()).contains("no delay in the loop"));

        var waiting = WorkflowValidator.validate(new WorkflowDefinition("acme", "w", null, "contact", 0, true,
                EnrollmentTrigger.MANUAL, "b", List.of(
                        new Action.Branch("b", List.of(new Action.BranchPath("again", Filter.allOf(
                                Filters.where("lifecyclestage").equalTo("lead")), "d")), null),
                        new Action.Delay("d", Duration.ofDays(1), "b"))),
                new TenantSchemas(h.store, "acme"));
        assertThat(waiting).isEmpty();
    }

    @Test
    void validator_aLoopWithoutAWait_isFoundEvenWhereABranchJoinsALoopThatWaits() {
        var problems = WorkflowValidator.validate(new WorkflowDefinition("acme", "w", null, "contact", 0, true,
                EnrollmentTrigger.MANUAL, "a", List.of(
                        new Action.SetProperty("a", "jobtitle", "x", "b"),
                        new Action.Branch("b", List.of(new Action.BranchPath("wait first", Filter.allOf(
                                Filters.where("lifecyclestage").equalTo("lead")), "d")), "c"),
                        new Action.Delay("d", Duration.ofDays(1), "c"),
                        new Action.GoTo("c", "a"))),
                new TenantSchemas(h.store, "acme"));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("no delay in the loop"));

        var weekly = WorkflowValidator.validate(new WorkflowDefinition("acme", "w", null, "contact", 0, true,
                EnrollmentTrigger.MANUAL, "a", List.of(
                        new Action.SetProperty("a", "jobtitle", "x", "monday"),
                        new Action.DelayUntilDayAndTime("monday", java.util.Set.of(java.time.DayOfWeek.MONDAY),
                                java.time.LocalTime.of(9, 0), "a"))),
                new TenantSchemas(h.store, "acme"));
        assertThat(weekly).as("a loop that waits for a day and time always waits").isEmpty();
    }
}
