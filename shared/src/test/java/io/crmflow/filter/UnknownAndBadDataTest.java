package io.crmflow.filter;

import static io.crmflow.filter.Filters.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.crmflow.model.PropertyChange;
import io.crmflow.model.PropertyType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("R-FLT-3 the one engine copes with empty and unreadable values without throwing")
class UnknownAndBadDataTest {
    private static final Set<Operator> HOLD_WHEN_EMPTY = EnumSet.of(Operator.IS_UNKNOWN, Operator.NEQ,
            Operator.NONE_OF, Operator.NOT_CONTAINS);

    @ParameterizedTest
    @EnumSource(PropertyType.class)
    void matches_emptyProperty_holdsOnlyForTheNegativeOperators(PropertyType type) {
        for (Operator operator : OperatorSupport.operatorsFor(type)) {
            if (operator == Operator.CHANGED_TO || operator == Operator.CHANGED_FROM) {
                continue;
            }
            boolean matched = evaluate(type, null, operator, SampleValues.valid(type, operator));

            assertThat(matched).as("%s %s on an empty property", type, operator)
                    .isEqualTo(HOLD_WHEN_EMPTY.contains(operator));
        }
    }

    @ParameterizedTest
    @CsvSource({"NUMBER, abc", "NUMBER, '12,5'", "BOOL, yes", "DATE, 31/01/2026", "DATETIME, yesterday",
            "DATETIME, 99999999999999999999", "DATE, 2026-02-30"})
    void matches_storedValueThatDoesNotParse_holdsOnlyForIsKnown(PropertyType type, String stored) {
        for (Operator operator : OperatorSupport.operatorsFor(type)) {
            if (operator == Operator.CHANGED_TO || operator == Operator.CHANGED_FROM) {
                continue;
            }
            boolean matched = evaluate(type, stored, operator, SampleValues.valid(type, operator));

            assertThat(matched).as("%s %s on stored '%s'", type, operator, stored)
                    .isEqualTo(operator == Operator.IS_KNOWN);
        }
    }

    @Test
    void matches_numberPropertyHoldingText_isFalseEvenForNotEqualTo() {
        assertThat(evaluate(PropertyType.NUMBER, "abc", Operator.NEQ, List.of("5"))).isFalse();
        assertThat(evaluate(PropertyType.NUMBER, "abc", Operator.GT, List.of("5"))).isFalse();
    }

    @Test
    void matches_operandThatDoesNotParse_isFalseEvenOnAnEmptyProperty() {
        // A filter saved before the property became a number: refuse rather than guess.
        assertThat(evaluate(PropertyType.NUMBER, "5", Operator.EQ, List.of("five"))).isFalse();
        assertThat(evaluate(PropertyType.NUMBER, null, Operator.NEQ, List.of("five"))).isFalse();
    }

    @Test
    void matches_operatorTheTypeDoesNotTake_isFalse() {
        assertThat(evaluate(PropertyType.STRING, "b", Operator.GT, List.of("a"))).isFalse();
        assertThat(evaluate(PropertyType.BOOL, "true", Operator.CONTAINS, List.of("t"))).isFalse();
    }

    @Test
    void matches_wrongNumberOfOperands_isFalse() {
        assertThat(evaluate(PropertyType.NUMBER, "5", Operator.BETWEEN, List.of("1"))).isFalse();
        assertThat(evaluate(PropertyType.NUMBER, "5", Operator.EQ, List.of())).isFalse();
        assertThat(evaluate(PropertyType.NUMBER, null, Operator.IS_UNKNOWN, List.of("5"))).isFalse();
    }

    @Test
    void matches_withinLastDaysOfNoWholeDays_isFalse() {
        assertThat(evaluate(PropertyType.DATE, "2026-03-10", Operator.WITHIN_LAST_DAYS, List.of("0"))).isFalse();
        assertThat(evaluate(PropertyType.DATE, "2026-03-10", Operator.WITHIN_LAST_DAYS, List.of("week"))).isFalse();
    }

    @Test
    void matches_propertyTheSchemaDoesNotHave_tellsOnlyWhetherItIsKnown() {
        TestFilterContext context = TestFilterContext.of(TestSchemas.THING, Map.of("retired", "old value"));

        assertThat(Filters.matches(Filter.allOf(where("retired").isKnown()), context)).isTrue();
        assertThat(Filters.matches(Filter.allOf(where("retired").equalTo("old value")), context)).isFalse();
        assertThat(Filters.matches(Filter.allOf(where("missing").isUnknown()), context)).isTrue();
        assertThat(Filters.matches(Filter.allOf(where("missing").notEqualTo("x")), context)).isFalse();
    }

    @Test
    void matches_blankStoredValue_isUnknown() {
        assertThat(evaluate(PropertyType.STRING, "  ", Operator.IS_UNKNOWN, List.of())).isTrue();
        assertThat(evaluate(PropertyType.STRING, "", Operator.IS_KNOWN, List.of())).isFalse();
    }

    @Test
    void matches_anyTypeOperatorAndData_neverThrows() {
        List<String> stored = new ArrayList<>(List.of("", " ", "abc", "12", "-0.5", "true", "2026-01-01",
                "2026-01-01T00:00:00Z", "1773057600000", ";;", "red;x", "99999999999999999999", "NaN"));
        stored.add(null);
        List<List<String>> operands = List.of(List.of(), List.of("abc"), List.of("1", "2"), List.of("-5"),
                List.of("2026-01-01", "1"), List.of(" "), List.of("2147483648"), List.of("red;;blue", "true", "x"));
        for (PropertyType type : PropertyType.values()) {
            for (Operator operator : Operator.values()) {
                for (String value : stored) {
                    for (List<String> values : operands) {
                        assertThatCode(() -> evaluateWithChange(type, value, operator, values))
                                .as("%s %s %s on '%s'", type, operator, values, value)
                                .doesNotThrowAnyException();
                    }
                }
            }
        }
    }

    private static boolean evaluate(PropertyType type, String stored, Operator operator, List<String> values) {
        String property = OperatorRow.propertyOf(type);
        Map<String, String> properties = new HashMap<>();
        if (stored != null) {
            properties.put(property, stored);
        }
        TestFilterContext context = TestFilterContext.of(TestSchemas.THING, properties);
        return Filters.matches(Filter.allOf(new Condition.OnProperty(property, operator, values)), context);
    }

    private static boolean evaluateWithChange(PropertyType type, String stored, Operator operator, List<String> values) {
        String property = OperatorRow.propertyOf(type);
        Map<String, String> properties = new HashMap<>();
        if (stored != null) {
            properties.put(property, stored);
        }
        TestFilterContext context = TestFilterContext.of(TestSchemas.THING, properties)
                .withChanges(new PropertyChange(property, stored, "abc"));
        return Filters.matches(Filter.allOf(new Condition.OnProperty(property, operator, values)), context);
    }
}
