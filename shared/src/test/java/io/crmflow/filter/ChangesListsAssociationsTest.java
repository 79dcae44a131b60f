package io.crmflow.filter;

import static io.crmflow.filter.Filters.where;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.model.CrmRecord;
import io.crmflow.model.PropertyChange;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-FLT-2 property changed to / from, list membership and associated-record conditions")
class ChangesListsAssociationsTest {
    private static final TestFilterContext CUSTOMER = TestFilterContext.of(TestSchemas.CONTACT,
            Map.of("lifecyclestage", "customer", "email", "ada@example.com"));
    private static final PropertyChange BECAME_CUSTOMER = new PropertyChange("lifecyclestage", "lead", "customer");

    @Test
    void matches_changedTo_holdsWhenTheEventSetThatValue() {
        assertThat(matches(CUSTOMER.withChanges(BECAME_CUSTOMER), where("lifecyclestage").changedTo("customer"))).isTrue();
    }

    @Test
    void matches_changedTo_isFalseWithoutAChangeEvenWhenTheValueIsCurrent() {
        assertThat(matches(CUSTOMER, where("lifecyclestage").changedTo("customer"))).isFalse();
    }

    @Test
    void matches_changedTo_ignoresChangesOfOtherProperties() {
        PropertyChange email = new PropertyChange("email", "customer", "customer");

        assertThat(matches(CUSTOMER.withChanges(email), where("lifecyclestage").changedTo("customer"))).isFalse();
    }

    @Test
    void matches_changedFrom_looksAtThePreviousValue() {
        TestFilterContext context = CUSTOMER.withChanges(BECAME_CUSTOMER);

        assertThat(matches(context, where("lifecyclestage").changedFrom("lead", "subscriber"))).isTrue();
        assertThat(matches(context, where("lifecyclestage").changedFrom("customer"))).isFalse();
    }

    @Test
    void matches_changedWithNoValues_holdsForAnyChangeOfTheProperty() {
        PropertyChange cleared = new PropertyChange("email", "ada@example.com", null);
        TestFilterContext context = CUSTOMER.withChanges(cleared);

        assertThat(matches(context, where("email").changedTo())).isTrue();
        assertThat(matches(context, where("email").changedFrom())).isTrue();
        assertThat(matches(context, where("lifecyclestage").changedTo())).isFalse();
    }

    @Test
    void matches_changedToAValue_isFalseWhenThePropertyWasCleared() {
        PropertyChange cleared = new PropertyChange("email", "ada@example.com", null);

        assertThat(matches(CUSTOMER.withChanges(cleared), where("email").changedTo("ada@example.com"))).isFalse();
    }

    @Test
    void matches_changedTo_comparesByTheType() {
        TestFilterContext deal = TestFilterContext.of(TestSchemas.DEAL, Map.of("amount", "1000"))
                .withChanges(new PropertyChange("amount", "10", "1E+3"));

        assertThat(matches(deal, where("amount").changedTo("1000.00"))).isTrue();
    }

    @Test
    void matches_changedToOnStoredGarbage_isFalse() {
        TestFilterContext deal = TestFilterContext.of(TestSchemas.DEAL, Map.of())
                .withChanges(new PropertyChange("amount", "abc", "n/a"));

        assertThat(matches(deal, where("amount").changedTo("0"))).isFalse();
        assertThat(matches(deal, where("amount").changedFrom("0"))).isFalse();
        assertThat(matches(deal, where("amount").changedTo())).isTrue();
    }

    @Test
    void matches_inList_followsMembership() {
        assertThat(matches(CUSTOMER.withLists("vip"), Filters.inList("vip"))).isTrue();
        assertThat(matches(CUSTOMER.withLists("other"), Filters.inList("vip"))).isFalse();
    }

    @Test
    void matches_notInList_holdsForNonMembers() {
        assertThat(matches(CUSTOMER.withLists("other"), Filters.notInList("vip"))).isTrue();
        assertThat(matches(CUSTOMER.withLists("vip"), Filters.notInList("vip"))).isFalse();
    }

    @Test
    void matches_associated_holdsWhenAnyAssociatedRecordMeetsTheCondition() {
        TestFilterContext deal = dealWithCompanies(company("c1", "Retail"), company("c2", "Software"));

        assertThat(matches(deal, Filters.associated("company", where("industry").equalTo("software")))).isTrue();
    }

    @Test
    void matches_associated_isFalseWhenNoAssociatedRecordMeetsIt() {
        TestFilterContext deal = dealWithCompanies(company("c1", "Retail"));

        assertThat(matches(deal, Filters.associated("company", where("industry").equalTo("Software")))).isFalse();
    }

    @Test
    void matches_associated_isFalseWithNoAssociatedRecords() {
        TestFilterContext deal = dealWithCompanies();

        assertThat(matches(deal, Filters.associated("company", where("industry").isUnknown()))).isFalse();
        assertThat(matches(deal, Filters.associated("company", where("industry").notEqualTo("Software")))).isFalse();
    }

    @Test
    void matches_associated_typesPropertiesByTheAssociatedSchema() {
        // numberofemployees is a number on companies: "120" > "99" only numerically.
        TestFilterContext deal = dealWithCompanies(TestFilterContext.record("company", "c1",
                Map.of("numberofemployees", "120")));

        assertThat(matches(deal, Filters.associated("company", where("numberofemployees").greaterThan("99")))).isTrue();
    }

    @Test
    void matches_associated_ignoresTheEventsChanges() {
        TestFilterContext deal = dealWithCompanies(company("c1", "Software"))
                .withChanges(new PropertyChange("industry", "Retail", "Software"));

        assertThat(matches(deal, Filters.associated("company", where("industry").changedTo("Software")))).isFalse();
    }

    @Test
    void matches_associatedTypeWithoutSchema_isFalse() {
        TestFilterContext deal = TestFilterContext.of(TestSchemas.DEAL, Map.of());

        assertThat(matches(deal, Filters.associated("gadget", where("industry").isUnknown()))).isFalse();
    }

    @Test
    void matches_associatedAndOwnConditions_combineInOneGroup() {
        TestFilterContext deal = dealWithCompanies(company("c1", "Software"));
        Condition software = Filters.associated("company", where("industry").equalTo("Software"));

        assertThat(Filters.matches(Filter.allOf(software, where("amount").greaterThan("1000")), deal)).isTrue();
        assertThat(Filters.matches(Filter.allOf(software, where("amount").greaterThan("9000")), deal)).isFalse();
    }

    private static TestFilterContext dealWithCompanies(CrmRecord... companies) {
        return TestFilterContext.of(TestSchemas.DEAL, Map.of("amount", "5000"))
                .withAssociated(TestSchemas.COMPANY, companies);
    }

    private static CrmRecord company(String id, String industry) {
        return TestFilterContext.record("company", id, Map.of("industry", industry));
    }

    private static boolean matches(TestFilterContext context, Condition condition) {
        return Filters.matches(Filter.allOf(condition), context);
    }
}
