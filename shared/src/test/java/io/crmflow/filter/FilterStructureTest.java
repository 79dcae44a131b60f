package io.crmflow.filter;

import static io.crmflow.filter.Filters.allOf;
import static io.crmflow.filter.Filters.anyOf;
import static io.crmflow.filter.Filters.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-FLT-1 a filter is an OR of AND-groups of conditions")
class FilterStructureTest {
    private static final TestFilterContext GOLD_TEN = TestFilterContext.of(TestSchemas.THING,
            Map.of("tier", "gold", "number", "10"));
    private static final Condition GOLD = where("tier").equalTo("gold");
    private static final Condition SILVER = where("tier").equalTo("silver");
    private static final Condition TEN = where("number").equalTo("10");
    private static final Condition ELEVEN = where("number").equalTo("11");

    @Test
    void matches_everyConditionOfAGroupHolding_matches() {
        assertThat(Filters.matches(anyOf(allOf(GOLD, TEN)), GOLD_TEN)).isTrue();
    }

    @Test
    void matches_oneConditionOfTheOnlyGroupFailing_doesNotMatch() {
        assertThat(Filters.matches(anyOf(allOf(GOLD, ELEVEN)), GOLD_TEN)).isFalse();
    }

    @Test
    void matches_anyOneGroupHolding_matches() {
        assertThat(Filters.matches(anyOf(allOf(SILVER), allOf(ELEVEN), allOf(GOLD, TEN)), GOLD_TEN)).isTrue();
    }

    @Test
    void matches_noGroupHolding_doesNotMatch() {
        assertThat(Filters.matches(anyOf(allOf(SILVER), allOf(GOLD, ELEVEN)), GOLD_TEN)).isFalse();
    }

    @Test
    void matches_emptyFilter_matchesNothing() {
        assertThat(Filters.matches(Filter.NONE, GOLD_TEN)).isFalse();
    }

    @Test
    void matches_emptyGroup_matchesNothing() {
        assertThat(Filters.matches(anyOf(allOf()), GOLD_TEN)).isFalse();
        assertThat(Filters.matches(anyOf(allOf(), allOf(GOLD)), GOLD_TEN)).isTrue();
    }

    @Test
    void matches_nullFilter_isRefused() {
        assertThatThrownBy(() -> Filters.matches(null, GOLD_TEN)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void where_equalTo_buildsAPropertyCondition() {
        assertThat(where("lifecyclestage").equalTo("customer"))
                .isEqualTo(new Condition.OnProperty("lifecyclestage", Operator.EQ, List.of("customer")));
    }

    @Test
    void where_builderMethods_coverEveryOperator() {
        WhereProperty p = where("p");
        List<Condition.OnProperty> built = List.of(p.equalTo("a"), p.isExactly("a", "b"), p.notEqualTo("a"),
                p.isAnyOf("a", "b"), p.isNoneOf("a"), p.contains("a"), p.doesNotContain("a"), p.startsWith("a"),
                p.greaterThan("1"), p.atLeast("1"), p.lessThan("1"), p.atMost("1"), p.between("1", "2"),
                p.isKnown(), p.isUnknown(), p.before("2026-01-01"), p.after("2026-01-01"), p.withinLastDays(7),
                p.changedTo("a"), p.changedFrom());
        Set<Operator> operators = EnumSet.noneOf(Operator.class);
        built.forEach(condition -> operators.add(condition.operator()));

        assertThat(operators).containsExactlyInAnyOrder(Operator.values());
        assertThat(p.between("1", "2").values()).containsExactly("1", "2");
        assertThat(p.withinLastDays(7).values()).containsExactly("7");
        assertThat(p.changedFrom().values()).isEmpty();
    }

    @Test
    void listAndAssociationBuilders_buildTheirRecords() {
        Condition.OnProperty software = where("industry").equalTo("Software");

        assertThat(Filters.inList("l1")).isEqualTo(new Condition.InList("l1", true));
        assertThat(Filters.notInList("l1")).isEqualTo(new Condition.InList("l1", false));
        assertThat(Filters.associated("company", software)).isEqualTo(new Condition.OnAssociated("company", software));
    }

    @Test
    void anyOfAndAllOf_buildGroupsInOrder() {
        Filter filter = anyOf(allOf(GOLD, TEN), allOf(SILVER));

        assertThat(filter.groups()).containsExactly(new FilterGroup(List.of(GOLD, TEN)), new FilterGroup(List.of(SILVER)));
    }
}
