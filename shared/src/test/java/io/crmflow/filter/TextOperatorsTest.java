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
import static io.crmflow.filter.Operator.STARTS_WITH;
import static io.crmflow.filter.OperatorRow.change;
import static io.crmflow.filter.OperatorRow.row;
import static io.crmflow.model.PropertyType.ENUMERATION;
import static io.crmflow.model.PropertyType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.model.PropertyType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("R-FLT-2 operators on string and enumeration properties")
class TextOperatorsTest {

    static List<OperatorRow> rows() {
        return List.of(
                row(STRING, "Hello World", EQ, true, "hello world"),
                row(STRING, "Hello World", EQ, false, "hello"),
                row(STRING, "Hello World", NEQ, true, "hello"),
                row(STRING, "Hello World", NEQ, false, "HELLO WORLD"),
                row(STRING, "Hello World", ANY_OF, true, "x", "HELLO world"),
                row(STRING, "Hello World", ANY_OF, false, "x", "y"),
                row(STRING, "Hello World", NONE_OF, true, "x", "y"),
                row(STRING, "Hello World", NONE_OF, false, "x", "hello world"),
                row(STRING, "Hello World", CONTAINS, true, "WORLD"),
                row(STRING, "Hello World", CONTAINS, false, "planet"),
                row(STRING, "Hello World", NOT_CONTAINS, true, "planet"),
                row(STRING, "Hello World", NOT_CONTAINS, false, "LO WO"),
                row(STRING, "Hello World", STARTS_WITH, true, "hEL"),
                row(STRING, "Hello World", STARTS_WITH, false, "world"),
                row(STRING, "Hello World", IS_KNOWN, true),
                row(STRING, null, IS_KNOWN, false),
                row(STRING, null, IS_UNKNOWN, true),
                row(STRING, "Hello World", IS_UNKNOWN, false),
                change(STRING, null, "Hello", CHANGED_TO, true, "hello"),
                change(STRING, "a", "b", CHANGED_TO, false, "a"),
                change(STRING, "Old", "New", CHANGED_FROM, true, "old"),
                change(STRING, "Old", "New", CHANGED_FROM, false, "new"),
                row(ENUMERATION, "gold", EQ, true, "GOLD"),
                row(ENUMERATION, "gold", EQ, false, "silver"),
                row(ENUMERATION, "gold", NEQ, true, "silver"),
                row(ENUMERATION, "gold", NEQ, false, "gold"),
                row(ENUMERATION, "gold", ANY_OF, true, "silver", "gold"),
                row(ENUMERATION, "gold", ANY_OF, false, "silver", "bronze"),
                row(ENUMERATION, "gold", NONE_OF, true, "silver", "bronze"),
                row(ENUMERATION, "gold", NONE_OF, false, "gold"),
                row(ENUMERATION, "gold", IS_KNOWN, true),
                row(ENUMERATION, null, IS_KNOWN, false),
                row(ENUMERATION, null, IS_UNKNOWN, true),
                row(ENUMERATION, "gold", IS_UNKNOWN, false),
                change(ENUMERATION, "silver", "gold", CHANGED_TO, true, "bronze", "gold"),
                change(ENUMERATION, "silver", "gold", CHANGED_TO, false, "silver"),
                change(ENUMERATION, "silver", "gold", CHANGED_FROM, true, "silver"),
                change(ENUMERATION, "silver", "gold", CHANGED_FROM, false, "gold"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matches_tabledOperator_asTabled(OperatorRow row) {
        assertThat(row.evaluate()).isEqualTo(row.expected());
    }

    @Test
    void table_coversEveryStringAndEnumerationOperator_bothWays() {
        assertThat(OperatorRow.gaps(rows(), EnumSet.of(STRING, ENUMERATION))).isEmpty();
    }

    @Test
    void matches_stringEqualTo_ignoresCase() {
        assertThat(matchesText("ACME Corp", Filters.where("text").equalTo("acme corp"))).isTrue();
    }

    @Test
    void matches_stringEqualTo_doesNotTrimOrMatchPartially() {
        assertThat(matchesText("ACME Corp", Filters.where("text").equalTo("acme"))).isFalse();
    }

    @Test
    void matches_stringStartsWith_isAnchoredAtTheStart() {
        assertThat(matchesText("support@acme.com", Filters.where("text").startsWith("acme"))).isFalse();
        assertThat(matchesText("support@acme.com", Filters.where("text").startsWith("SUPPORT@"))).isTrue();
    }

    @Test
    void matches_stringDoesNotContain_holdsWhenEmpty() {
        assertThat(matchesText(null, Filters.where("text").doesNotContain("spam"))).isTrue();
    }

    @Test
    void matches_stringContains_isFalseWhenEmpty() {
        assertThat(matchesText(null, Filters.where("text").contains("spam"))).isFalse();
    }

    @Test
    void matches_lifecycleStageEqualTo_onStandardContact() {
        TestFilterContext contact = TestFilterContext.of(TestSchemas.CONTACT, Map.of("lifecyclestage", "customer"));

        assertThat(Filters.matches(Filter.allOf(Filters.where("lifecyclestage").equalTo("customer")), contact)).isTrue();
        assertThat(Filters.matches(Filter.allOf(Filters.where("lifecyclestage").equalTo("lead")), contact)).isFalse();
    }

    @Test
    void operators_forTextTypes_leaveOutOrderingAndDates() {
        assertThat(OperatorSupport.operatorsFor(PropertyType.STRING))
                .doesNotContain(Operator.GT, Operator.BETWEEN, Operator.BEFORE, Operator.WITHIN_LAST_DAYS);
        assertThat(OperatorSupport.operatorsFor(PropertyType.ENUMERATION))
                .doesNotContain(Operator.CONTAINS, Operator.STARTS_WITH, Operator.GT);
    }

    private static boolean matchesText(String stored, Condition condition) {
        Map<String, String> properties = stored == null ? Map.of() : Map.of("text", stored);
        return Filters.matches(Filter.allOf(condition), TestFilterContext.of(TestSchemas.THING, properties));
    }
}
