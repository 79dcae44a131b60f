package io.crmflow.filter;

import static io.crmflow.filter.Operator.ANY_OF;
import static io.crmflow.filter.Operator.BETWEEN;
import static io.crmflow.filter.Operator.CHANGED_FROM;
import static io.crmflow.filter.Operator.CHANGED_TO;
import static io.crmflow.filter.Operator.EQ;
import static io.crmflow.filter.Operator.GT;
import static io.crmflow.filter.Operator.GTE;
import static io.crmflow.filter.Operator.IS_KNOWN;
import static io.crmflow.filter.Operator.IS_UNKNOWN;
import static io.crmflow.filter.Operator.LT;
import static io.crmflow.filter.Operator.LTE;
import static io.crmflow.filter.Operator.NEQ;
import static io.crmflow.filter.Operator.NONE_OF;
import static io.crmflow.filter.OperatorRow.change;
import static io.crmflow.filter.OperatorRow.row;
import static io.crmflow.model.PropertyType.BOOL;
import static io.crmflow.model.PropertyType.NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("R-FLT-2 operators on number and bool properties")
class NumberAndBoolOperatorsTest {

    static List<OperatorRow> rows() {
        return List.of(
                row(NUMBER, "10", EQ, true, "10.0"),
                row(NUMBER, "10", EQ, false, "9"),
                row(NUMBER, "10", NEQ, true, "9"),
                row(NUMBER, "10", NEQ, false, "10.00"),
                row(NUMBER, "10", ANY_OF, true, "1", "1e1"),
                row(NUMBER, "10", ANY_OF, false, "1", "2"),
                row(NUMBER, "10", NONE_OF, true, "1", "2"),
                row(NUMBER, "10", NONE_OF, false, "10"),
                row(NUMBER, "10", GT, true, "9"),
                row(NUMBER, "10", GT, false, "10"),
                row(NUMBER, "10", GTE, true, "10"),
                row(NUMBER, "10", GTE, false, "10.01"),
                row(NUMBER, "10", LT, true, "11"),
                row(NUMBER, "10", LT, false, "10"),
                row(NUMBER, "10", LTE, true, "10"),
                row(NUMBER, "10", LTE, false, "9.99"),
                row(NUMBER, "10", BETWEEN, true, "10", "20"),
                row(NUMBER, "10", BETWEEN, false, "10.5", "20"),
                row(NUMBER, "-3.5", IS_KNOWN, true),
                row(NUMBER, null, IS_KNOWN, false),
                row(NUMBER, null, IS_UNKNOWN, true),
                row(NUMBER, "0", IS_UNKNOWN, false),
                change(NUMBER, "5", "10.00", CHANGED_TO, true, "10"),
                change(NUMBER, "5", "10", CHANGED_TO, false, "5"),
                change(NUMBER, "5.0", "10", CHANGED_FROM, true, "5"),
                change(NUMBER, "5", "10", CHANGED_FROM, false, "10"),
                row(BOOL, "true", EQ, true, "TRUE"),
                row(BOOL, "true", EQ, false, "false"),
                row(BOOL, "false", NEQ, true, "true"),
                row(BOOL, "false", NEQ, false, "false"),
                row(BOOL, "true", ANY_OF, true, "false", "true"),
                row(BOOL, "true", ANY_OF, false, "false"),
                row(BOOL, "true", NONE_OF, true, "false"),
                row(BOOL, "true", NONE_OF, false, "true"),
                row(BOOL, "false", IS_KNOWN, true),
                row(BOOL, null, IS_KNOWN, false),
                row(BOOL, null, IS_UNKNOWN, true),
                row(BOOL, "false", IS_UNKNOWN, false),
                change(BOOL, "false", "true", CHANGED_TO, true, "true"),
                change(BOOL, "false", "true", CHANGED_TO, false, "false"),
                change(BOOL, "false", "true", CHANGED_FROM, true, "False"),
                change(BOOL, null, "true", CHANGED_FROM, false, "false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matches_tabledOperator_asTabled(OperatorRow row) {
        assertThat(row.evaluate()).isEqualTo(row.expected());
    }

    @Test
    void table_coversEveryNumberAndBoolOperator_bothWays() {
        assertThat(OperatorRow.gaps(rows(), EnumSet.of(NUMBER, BOOL))).isEmpty();
    }

    @Test
    void matches_numberGreaterThan_comparesNumerically() {
        // As text "10" sorts before "9"; as numbers it is greater.
        assertThat(matchesNumber("10", Filters.where("number").greaterThan("9"))).isTrue();
        assertThat(matchesNumber("9", Filters.where("number").greaterThan("10"))).isFalse();
    }

    @Test
    void matches_numberEqualTo_ignoresScale() {
        assertThat(matchesNumber("1500.50", Filters.where("number").equalTo("1500.5"))).isTrue();
    }

    @Test
    void matches_numberBetween_includesBothBounds() {
        assertThat(matchesNumber("100", Filters.where("number").between("100", "200"))).isTrue();
        assertThat(matchesNumber("200", Filters.where("number").between("100", "200"))).isTrue();
        assertThat(matchesNumber("200.001", Filters.where("number").between("100", "200"))).isFalse();
    }

    @Test
    void matches_numberAtLeastAndAtMost_includeTheBound() {
        assertThat(matchesNumber("-1", Filters.where("number").atLeast("-1"))).isTrue();
        assertThat(matchesNumber("-1", Filters.where("number").atMost("-1.5"))).isFalse();
    }

    @Test
    void matches_numberLessThan_isFalseWhenEmpty() {
        // An empty amount is not "less than 100": unknown is not zero.
        assertThat(matchesNumber(null, Filters.where("number").lessThan("100"))).isFalse();
    }

    @Test
    void matches_dealAmountAbove_onStandardDeal() {
        TestFilterContext deal = TestFilterContext.of(TestSchemas.DEAL, Map.of("amount", "25000"));

        assertThat(Filters.matches(Filter.allOf(Filters.where("amount").greaterThan("10000")), deal)).isTrue();
    }

    @Test
    void matches_boolEqualTo_comparesByValueNotText() {
        assertThat(matchesFlag("TRUE", Filters.where("flag").equalTo("true"))).isTrue();
        assertThat(matchesFlag("false", Filters.where("flag").equalTo("true"))).isFalse();
    }

    @Test
    void matches_boolNotEqualTo_holdsWhenEmpty() {
        assertThat(matchesFlag(null, Filters.where("flag").notEqualTo("true"))).isTrue();
    }

    private static boolean matchesNumber(String stored, Condition condition) {
        return matches("number", stored, condition);
    }

    private static boolean matchesFlag(String stored, Condition condition) {
        return matches("flag", stored, condition);
    }

    private static boolean matches(String property, String stored, Condition condition) {
        Map<String, String> properties = stored == null ? Map.of() : Map.of(property, stored);
        return Filters.matches(Filter.allOf(condition), TestFilterContext.of(TestSchemas.THING, properties));
    }
}
