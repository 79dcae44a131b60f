package io.crmflow.filter;

import static io.crmflow.filter.Operator.ANY_OF;
import static io.crmflow.filter.Operator.CHANGED_FROM;
import static io.crmflow.filter.Operator.CHANGED_TO;
import static io.crmflow.filter.Operator.CONTAINS;
import static io.crmflow.filter.Operator.EQ;
import static io.crmflow.filter.Operator.IS_KNOWN;
import static io.crmflow.filter.Operator.IS_UNKNOWN;
import static io.crmflow.filter.Operator.NEQ;
import static io.crmflow.filter.Operator.NONE_OF;
import static io.crmflow.filter.Operator.NOT_CONTAINS;
import static io.crmflow.filter.OperatorRow.change;
import static io.crmflow.filter.OperatorRow.row;
import static io.crmflow.model.PropertyType.MULTI_ENUMERATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("R-FLT-2 operators on multi-checkbox (multi-enumeration) properties")
class MultiEnumerationOperatorsTest {
    private static final String RED_GREEN = "red;green";

    static List<OperatorRow> rows() {
        return List.of(
                row(MULTI_ENUMERATION, RED_GREEN, EQ, true, "green;red"),
                row(MULTI_ENUMERATION, RED_GREEN, EQ, false, "red"),
                row(MULTI_ENUMERATION, RED_GREEN, NEQ, true, "red;green;blue"),
                row(MULTI_ENUMERATION, RED_GREEN, NEQ, false, "green", "red"),
                row(MULTI_ENUMERATION, RED_GREEN, ANY_OF, true, "blue", "red"),
                row(MULTI_ENUMERATION, RED_GREEN, ANY_OF, false, "blue"),
                row(MULTI_ENUMERATION, RED_GREEN, NONE_OF, true, "blue"),
                row(MULTI_ENUMERATION, RED_GREEN, NONE_OF, false, "blue", "green"),
                row(MULTI_ENUMERATION, RED_GREEN, CONTAINS, true, "red"),
                row(MULTI_ENUMERATION, RED_GREEN, CONTAINS, false, "red", "blue"),
                row(MULTI_ENUMERATION, RED_GREEN, NOT_CONTAINS, true, "blue"),
                row(MULTI_ENUMERATION, RED_GREEN, NOT_CONTAINS, false, "red;green"),
                row(MULTI_ENUMERATION, "blue", IS_KNOWN, true),
                row(MULTI_ENUMERATION, null, IS_KNOWN, false),
                row(MULTI_ENUMERATION, null, IS_UNKNOWN, true),
                row(MULTI_ENUMERATION, "blue", IS_UNKNOWN, false),
                change(MULTI_ENUMERATION, "red", "green;red", CHANGED_TO, true, "red;green"),
                change(MULTI_ENUMERATION, "red", "green;red", CHANGED_TO, false, "green"),
                change(MULTI_ENUMERATION, "red", "green;red", CHANGED_FROM, true, "blue", "RED"),
                change(MULTI_ENUMERATION, "red", "green;red", CHANGED_FROM, false, "red;green"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matches_tabledOperator_asTabled(OperatorRow row) {
        assertThat(row.evaluate()).isEqualTo(row.expected());
    }

    @Test
    void table_coversEveryMultiEnumerationOperator_bothWays() {
        assertThat(OperatorRow.gaps(rows(), EnumSet.of(MULTI_ENUMERATION))).isEmpty();
    }

    @Test
    void matches_multiIsExactly_comparesSetsIgnoringOrderSpacingAndCase() {
        assertThat(matchesColors(" Green ; RED ", Filters.where("colors").isExactly("red", "green"))).isTrue();
        assertThat(matchesColors("red;green;blue", Filters.where("colors").isExactly("red", "green"))).isFalse();
    }

    @Test
    void matches_multiContains_needsEveryValueTicked() {
        assertThat(matchesColors("red;green;blue", Filters.where("colors").contains("blue", "red"))).isTrue();
        assertThat(matchesColors("red", Filters.where("colors").contains("blue", "red"))).isFalse();
    }

    @Test
    void matches_multiIsAnyOf_needsOnlyOneInCommon() {
        assertThat(matchesColors("green", Filters.where("colors").isAnyOf("blue", "green"))).isTrue();
    }

    @Test
    void matches_multiIsNoneOf_holdsWhenNothingIsTicked() {
        assertThat(matchesColors(null, Filters.where("colors").isNoneOf("red"))).isTrue();
        assertThat(matchesColors(";", Filters.where("colors").isNoneOf("red"))).isTrue();
    }

    @Test
    void matches_multiOfOnlySeparators_isUnknown() {
        assertThat(matchesColors(";;", Filters.where("colors").isUnknown())).isTrue();
        assertThat(matchesColors(";;", Filters.where("colors").isKnown())).isFalse();
    }

    private static boolean matchesColors(String stored, Condition condition) {
        Map<String, String> properties = stored == null ? Map.of() : Map.of("colors", stored);
        return Filters.matches(Filter.allOf(condition), TestFilterContext.of(TestSchemas.THING, properties));
    }
}
