package io.crmflow.filter;

import static io.crmflow.filter.Filters.allOf;
import static io.crmflow.filter.Filters.anyOf;
import static io.crmflow.filter.Filters.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.crmflow.json.Json;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("R-FLT-3 an invalid filter is refused when saved, with every problem pointed out")
class FilterValidatorTest {
    private static final TestSchemas SCHEMAS = TestSchemas.withLists("vip");

    @Test
    void validate_filterUsingEveryKindOfCondition_hasNoProblems() {
        Filter filter = anyOf(
                allOf(where("lifecyclestage").isAnyOf("lead", "customer"), where("email").contains("@acme."),
                        where("createdate").withinLastDays(30), where("hs_email_optout").notEqualTo("true")),
                allOf(Filters.inList("vip"), where("lifecyclestage").changedTo("customer"),
                        Filters.associated("company", where("annualrevenue").between("1000000", "5000000"))));

        assertThat(validate(filter, "contact")).isEmpty();
    }

    @Test
    void validate_emptyFilter_isValidAsNoCriteria() {
        assertThat(validate(Filter.NONE, "contact")).isEmpty();
    }

    @Test
    void validate_unknownObjectType_isReportedAtTheRoot() {
        assertThat(validate(Filter.allOf(where("email").isKnown()), "gadget"))
                .containsExactly(new FilterProblem("", "object type 'gadget' does not exist, so the properties in this "
                        + "filter cannot be checked; create the object type first or pick an existing one"));
    }

    @Test
    void validate_missingObjectType_isReportedAtTheRoot() {
        assertThat(validate(Filter.allOf(where("email").isKnown()), null)).containsExactly(
                new FilterProblem("", "the object type the filter applies to is required, e.g. contact"));
    }

    @Test
    void validate_unknownProperty_namesTheObjectType() {
        assertThat(validate(Filter.allOf(where("emial").isKnown()), "contact"))
                .containsExactly(new FilterProblem("/groups/0/conditions/0/property",
                        "object type 'contact' has no property 'emial'; check the spelling of its internal name"));
    }

    @Test
    void validate_operatorNotForTheType_namesTheTypeAndListsTheAllowed() {
        List<FilterProblem> problems = validate(Filter.allOf(where("email").greaterThan("a")), "contact");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.pointer()).isEqualTo("/groups/0/conditions/0/operator");
            assertThat(problem.message()).isEqualTo("operator 'gt' cannot be used on property 'email' of type string; "
                    + "use one of: eq, neq, any_of, none_of, contains, not_contains, starts_with, is_known, "
                    + "is_unknown, changed_to, changed_from");
        });
    }

    @Test
    void validate_betweenWithOneValue_saysHowManyItTakes() {
        assertThat(validate(Filter.allOf(where("amount").greaterThan("1")), "deal")).isEmpty();
        assertThat(validate(Filter.allOf(new Condition.OnProperty("amount", Operator.BETWEEN, List.of("1"))), "deal"))
                .containsExactly(new FilterProblem("/groups/0/conditions/0/values",
                        "operator 'between' takes exactly 2 values on property 'amount' (number), got 1"));
    }

    @Test
    void validate_isKnownWithAValue_saysItTakesNone() {
        assertThat(validate(Filter.allOf(new Condition.OnProperty("email", Operator.IS_KNOWN, List.of("x"))), "contact"))
                .containsExactly(new FilterProblem("/groups/0/conditions/0/values",
                        "operator 'is_known' takes no values on property 'email' (string), got 1"));
    }

    @Test
    void validate_equalToWithTwoValues_isOnlyForMultiCheckboxes() {
        Condition twoStrings = new Condition.OnProperty("text", Operator.EQ, List.of("a", "b"));
        Condition twoColors = new Condition.OnProperty("colors", Operator.EQ, List.of("red", "blue"));

        assertThat(validate(Filter.allOf(twoStrings), "thing")).extracting(FilterProblem::message)
                .containsExactly("operator 'eq' takes exactly 1 value on property 'text' (string), got 2");
        assertThat(validate(Filter.allOf(twoColors), "thing")).isEmpty();
    }

    @Test
    void validate_anyOfWithoutValues_asksForAtLeastOne() {
        assertThat(validate(Filter.allOf(where("tier").isAnyOf()), "thing")).extracting(FilterProblem::message)
                .containsExactly("operator 'any_of' takes at least 1 value on property 'tier' (enumeration), got 0");
    }

    @Test
    void validate_valueThatDoesNotParse_pointsAtTheValueAndSaysWhatIsExpected() {
        assertThat(validate(Filter.allOf(where("amount").isAnyOf("100", "lots")), "deal"))
                .containsExactly(new FilterProblem("/groups/0/conditions/0/values/1",
                        "property 'amount' (number): 'lots' is not a valid number "
                                + "(expected a decimal number such as 42 or 3.5)"));
    }

    @Test
    void validate_dateValueInAnotherFormat_isRefused() {
        assertThat(validate(Filter.allOf(where("day").before("31/01/2026")), "thing"))
                .extracting(FilterProblem::pointer, FilterProblem::message)
                .containsExactly(tuple("/groups/0/conditions/0/values/0",
                        "property 'day' (date): '31/01/2026' is not a valid date (expected yyyy-MM-dd)"));
    }

    @Test
    void validate_enumerationValueNotAnOption_listsTheOptions() {
        assertThat(validate(Filter.allOf(where("tier").equalTo("platinum")), "thing"))
                .containsExactly(new FilterProblem("/groups/0/conditions/0/values/0",
                        "property 'tier' (enumeration): 'platinum' is not one of [gold, silver, bronze]"));
    }

    @Test
    void validate_multiCheckboxValueNotAnOption_namesTheOddOne() {
        assertThat(validate(Filter.allOf(where("colors").contains("red;purple")), "thing"))
                .extracting(FilterProblem::message)
                .containsExactly("property 'colors' (multi_enumeration): 'purple' is not one of [red, green, blue]");
    }

    @Test
    void validate_blankValue_suggestsIsUnknown() {
        assertThat(validate(Filter.allOf(where("email").equalTo(" ")), "contact"))
                .containsExactly(new FilterProblem("/groups/0/conditions/0/values/0",
                        "the value is empty; give a value, or use is_unknown to find records without one"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "1.5", "week", "99999999999"})
    void validate_withinLastDaysNotAPositiveWholeNumber_isRefused(String days) {
        Condition condition = new Condition.OnProperty("createdate", Operator.WITHIN_LAST_DAYS, List.of(days));

        assertThat(validate(Filter.allOf(condition), "contact"))
                .containsExactly(new FilterProblem("/groups/0/conditions/0/values/0",
                        "'" + days + "' is not a number of days; give a whole number of at least 1"));
    }

    @Test
    void validate_betweenWithLowerAboveUpper_asksForTheSmallerFirst() {
        assertThat(validate(Filter.allOf(where("amount").between("500", "20")), "deal"))
                .containsExactly(new FilterProblem("/groups/0/conditions/0/values", "the lower bound '500' is greater "
                        + "than the upper bound '20', so nothing could match; put the smaller value first"));
        assertThat(validate(Filter.allOf(where("day").between("2026-02-01", "2026-01-31")), "thing")).hasSize(1);
    }

    @Test
    void validate_betweenWithEqualBounds_isValid() {
        assertThat(validate(Filter.allOf(where("amount").between("20", "20.0")), "deal")).isEmpty();
    }

    @Test
    void validate_unknownList_isRefused() {
        assertThat(validate(Filter.allOf(Filters.notInList("vipp")), "contact"))
                .containsExactly(new FilterProblem("/groups/0/conditions/0/listId",
                        "list 'vipp' does not exist; pick an existing list or create it first"));
    }

    @Test
    void validate_associatedOnUnknownObjectType_isRefused() {
        assertThat(validate(Filter.allOf(Filters.associated("gadget", where("name").isKnown())), "deal"))
                .containsExactly(new FilterProblem("/groups/0/conditions/0/objectType", "object type 'gadget' does not "
                        + "exist, so no record of it can be associated; pick an existing object type"));
    }

    @Test
    void validate_associatedCondition_isCheckedAgainstTheAssociatedSchema() {
        Filter filter = Filter.allOf(Filters.associated("company", where("amount").greaterThan("5")));

        assertThat(validate(filter, "deal")).containsExactly(new FilterProblem("/groups/0/conditions/0/condition/property",
                "object type 'company' has no property 'amount'; check the spelling of its internal name"));
    }

    @Test
    void validate_changedToOnAnAssociatedRecord_isRefused() {
        Filter filter = Filter.allOf(Filters.associated("company", where("industry").changedTo("Software")));

        assertThat(validate(filter, "deal")).extracting(FilterProblem::pointer)
                .containsExactly("/groups/0/conditions/0/condition/operator");
    }

    @Test
    void validate_emptyGroup_isRefused() {
        assertThat(validate(anyOf(allOf(where("email").isKnown()), allOf()), "contact"))
                .containsExactly(new FilterProblem("/groups/1/conditions",
                        "this group has no conditions and would match nothing; add a condition or remove the group"));
    }

    @Test
    void validate_severalProblems_areAllReportedInOrder() {
        Filter filter = anyOf(
                allOf(where("nope").isKnown(), where("email").between("a", "b")),
                allOf(),
                allOf(Filters.inList("ghost"), where("amount").equalTo("x")));

        assertThat(validate(filter, "contact")).extracting(FilterProblem::pointer).containsExactly(
                "/groups/0/conditions/0/property",
                "/groups/0/conditions/1/operator",
                "/groups/1/conditions",
                "/groups/2/conditions/0/listId",
                "/groups/2/conditions/1/property");
    }

    @Test
    void validate_conditionsReadFromJsonWithMissingFields_pointAtTheWireFields() {
        Filter filter = Json.read("{\"groups\":[{\"conditions\":[{\"type\":\"property\"},"
                + "{\"type\":\"list\",\"member\":true},{\"type\":\"associated\"}]}]}", Filter.class);

        assertThat(validate(filter, "contact")).extracting(FilterProblem::pointer).containsExactly(
                "/groups/0/conditions/0/property",
                "/groups/0/conditions/0/operator",
                "/groups/0/conditions/1/listId",
                "/groups/0/conditions/2/objectType",
                "/groups/0/conditions/2/condition");
    }

    @Test
    void validate_missingOperator_listsEveryOperator() {
        assertThat(validate(Filter.allOf(new Condition.OnProperty("email", null, List.of())), "contact"))
                .singleElement().extracting(FilterProblem::message).asString()
                .startsWith("an operator is required; use one of: eq, neq, any_of")
                .endsWith("changed_to, changed_from");
    }

    @Test
    void validate_unknownObjectType_stillChecksListsAndGroups() {
        assertThat(validate(anyOf(allOf(Filters.inList("ghost")), allOf()), "gadget"))
                .extracting(FilterProblem::pointer)
                .containsExactly("", "/groups/0/conditions/0/listId", "/groups/1/conditions");
    }

    private static List<FilterProblem> validate(Filter filter, String objectType) {
        return FilterValidator.validate(filter, objectType, SCHEMAS);
    }
}
