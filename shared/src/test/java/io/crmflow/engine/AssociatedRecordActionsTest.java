package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.Association;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-5 actions may act on associated records")
class AssociatedRecordActionsTest {
    private static final RecordRef ADA = new RecordRef("contact", "ada");
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    private void customersWorkflow(Action... actions) {
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "customers", null, "contact", 0, true,
                new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("customer"))),
                actions[0].id(), List.of(actions)));
    }

    private void company(String id) {
        h.engine.records().create("acme", "company", id, Map.of("name", id), Origin.api(), h.now);
        h.engine.records().associate("acme", new Association(ADA, new RecordRef("company", id), ""));
    }

    private String industry(String company) {
        return h.store.record("acme", new RecordRef("company", company)).orElseThrow().property("industry").orElse("");
    }

    @Test
    void setCopyAndClear_reachEveryAssociatedCompany_andTheirEventsSayWhichWorkflow() {
        customersWorkflow(new Action.SetProperty("industry", "industry", "COMPUTER_SOFTWARE", "copy", "company"),
                new Action.CopyProperty("copy", "jobtitle", "description", "clear", "company"),
                new Action.ClearProperty("clear", "phone", null, "company"));
        h.engine.records().create("acme", "contact", "ada", Map.of("jobtitle", "CTO"), Origin.api(), h.now);
        company("acme-inc");
        company("acme-labs");
        h.engine.records().update("acme", "company", "acme-labs", Map.of("phone", "+33 1 23"), Origin.api(), h.now);
        h.pump();
        h.engine.records().update("acme", "contact", "ada", Map.of("lifecyclestage", "customer"), Origin.api(), h.now);
        h.pump();

        assertThat(industry("acme-inc")).isEqualTo("COMPUTER_SOFTWARE");
        assertThat(industry("acme-labs")).isEqualTo("COMPUTER_SOFTWARE");
        var labs = h.store.record("acme", new RecordRef("company", "acme-labs")).orElseThrow();
        assertThat(labs.property("description")).contains("CTO");
        assertThat(labs.property("phone")).isEmpty();
        assertThat(h.store.record("acme", ADA).orElseThrow().property("industry")).isEmpty();
        assertThat(h.published).filteredOn(e -> e.record().objectType().equals("company")
                        && e.origin().equals(Origin.workflow("customers")))
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void withoutAssociatedRecords_theActionIsSkippedAndSaysSo() {
        customersWorkflow(new Action.SetProperty("industry", "industry", "COMPUTER_SOFTWARE", null, "company"));
        h.engine.records().create("acme", "contact", "ada", Map.of("lifecyclestage", "customer"), Origin.api(), h.now);
        h.pump();

        Enrollment e = h.store.enrollmentOf("acme", "customers", ADA).orElseThrow();
        assertThat(h.store.history("acme", e.id(), null, 10).items())
                .anySatisfy(line -> assertThat(line.detail()).isEqualTo("no associated company to change"));
    }

    @Test
    void aPropertyOfTheAssociatedType_isCheckedOnThatType() {
        assertThatThrownBy(() -> customersWorkflow(
                new Action.SetProperty("a", "lifecyclestage", "customer", "b", "company"),
                new Action.SetProperty("b", "jobtitle", "x", "c", "company"),
                new Action.SetProperty("c", "jobtitle", "x", null, "spaceship")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::pointer).containsExactlyInAnyOrder("/actions/1/property", "/actions/2/on"));
    }
}
