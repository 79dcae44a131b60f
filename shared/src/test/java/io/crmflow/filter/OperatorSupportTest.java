package io.crmflow.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.model.PropertyType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-FLT-3 the validator and the evaluator share one operator table")
class OperatorSupportTest {

    @Test
    void operatorsFor_everyOperator_isTakenBySomeType() {
        Set<Operator> used = EnumSet.noneOf(Operator.class);
        for (PropertyType type : PropertyType.values()) {
            used.addAll(OperatorSupport.operatorsFor(type));
        }

        assertThat(used).containsExactlyInAnyOrder(Operator.values());
    }

    @Test
    void operatorsFor_everyType_canBeTestedForKnownAndChanged() {
        for (PropertyType type : PropertyType.values()) {
            assertThat(OperatorSupport.operatorsFor(type)).as(type.name())
                    .contains(Operator.IS_KNOWN, Operator.IS_UNKNOWN, Operator.CHANGED_TO, Operator.CHANGED_FROM);
        }
    }

    @Test
    void operatorsFor_ordering_isOnlyForNumbersAndDates() {
        for (PropertyType type : PropertyType.values()) {
            boolean ordered = type == PropertyType.NUMBER || type == PropertyType.DATE || type == PropertyType.DATETIME;
            assertThat(OperatorSupport.allows(type, Operator.BETWEEN)).as(type.name()).isEqualTo(ordered);
        }
    }

    @Test
    void validate_acceptsExactlyThePairsTheTableAllows() {
        for (PropertyType type : PropertyType.values()) {
            for (Operator operator : Operator.values()) {
                Condition condition = new Condition.OnProperty(OperatorRow.propertyOf(type), operator,
                        SampleValues.valid(type, operator));
                List<FilterProblem> problems = FilterValidator.validate(Filter.allOf(condition), "thing",
                        TestSchemas.withLists());

                assertThat(problems.isEmpty()).as("%s %s: %s", type, operator, problems)
                        .isEqualTo(OperatorSupport.allows(type, operator));
            }
        }
    }

    @Test
    void allows_missingTypeOrOperator_isFalse() {
        assertThat(OperatorSupport.allows(null, Operator.EQ)).isFalse();
        assertThat(OperatorSupport.allows(PropertyType.STRING, null)).isFalse();
    }
}
