package io.crmflow.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.PropertyChange;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-FLT-3 index keys: a record matching a condition shows one of the condition's keys")
class IndexKeysTest {
    private static final ObjectType THING = TestSchemas.THING;

    private static Set<IndexKey> whenHolds(String property, Operator operator, String... values) {
        return IndexKeys.whenHolds(new Condition.OnProperty(property, operator, List.of(values)), THING).orElseThrow();
    }

    private static Set<IndexKey> shownBy(Map<String, String> properties, PropertyChange... changes) {
        CrmRecord record = TestFilterContext.record("thing", "r1", properties);
        Set<IndexKey> shown = new HashSet<>();
        IndexKeys.shownBy(record, List.of(changes), THING, THING.properties().keySet(), shown::add);
        return shown;
    }

    @Test
    void equalValues_haveEqualKeys_asTheEngineComparesThem() {
        assertThat(shownBy(Map.of("number", "10.0"))).containsAnyElementsOf(whenHolds("number", Operator.EQ, "1e1"));
        assertThat(shownBy(Map.of("text", "ALPHA"))).containsAnyElementsOf(whenHolds("text", Operator.ANY_OF, "b", "alpha"));
        assertThat(shownBy(Map.of("colors", "Green;RED"))).containsAnyElementsOf(whenHolds("colors", Operator.EQ, "red;green"));
        assertThat(shownBy(Map.of("flag", " TRUE"))).containsAnyElementsOf(whenHolds("flag", Operator.EQ, "true"));
    }

    @Test
    void valuesTheEngineTellsApart_haveNoKeyInCommon() {
        assertThat(shownBy(Map.of("text", " alpha"))).doesNotContainAnyElementsOf(whenHolds("text", Operator.EQ, "alpha"));
        assertThat(shownBy(Map.of("colors", "red;blue"))).doesNotContainAnyElementsOf(whenHolds("colors", Operator.EQ, "red"));
    }

    @Test
    void aNumberTooWideToStripInAnInt_stillEqualsItsOtherSpelling() {
        assertThat(shownBy(Map.of("number", "1000E2147483646")))
                .containsAnyElementsOf(whenHolds("number", Operator.EQ, "100E2147483647"));
    }

    @Test
    void operatorsHoldingOnlyOfAKnownValue_areKeyedByKnownness_andNegationsHaveNoKeys() {
        assertThat(whenHolds("number", Operator.GT, "5")).containsExactly(new IndexKey.Known("number"));
        assertThat(whenHolds("text", Operator.STARTS_WITH, "al")).containsExactly(new IndexKey.Known("text"));
        for (Operator negation : List.of(Operator.NEQ, Operator.NONE_OF, Operator.IS_UNKNOWN)) {
            assertThat(IndexKeys.whenHolds(new Condition.OnProperty("text", negation,
                    negation == Operator.IS_UNKNOWN ? List.of() : List.of("a")), THING)).as(negation.wireName()).isEmpty();
        }
        assertThat(IndexKeys.whenHolds(new Condition.InList("vips", true), THING)).isEmpty();
    }

    @Test
    void aConditionThatNeverHolds_hasNoKeysAtAll() {
        assertThat(whenHolds("number", Operator.EQ, "abc")).isEmpty();
        assertThat(whenHolds("ghost", Operator.EQ, "x")).isEmpty(); // not in the schema: only known-ness is told
        assertThat(whenHolds("ghost", Operator.IS_KNOWN)).containsExactly(new IndexKey.Known("ghost"));
    }

    @Test
    void changes_areKeyedByTheirSides() {
        Set<IndexKey> shown = shownBy(Map.of(), new PropertyChange("tier", "Silver", "GOLD"));
        assertThat(shown).containsAnyElementsOf(whenHolds("tier", Operator.CHANGED_TO, "gold"))
                .containsAnyElementsOf(whenHolds("tier", Operator.CHANGED_FROM, "silver"))
                .containsAnyElementsOf(whenHolds("tier", Operator.CHANGED_TO))
                .doesNotContainAnyElementsOf(whenHolds("tier", Operator.CHANGED_TO, "silver"));
    }
}
