package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Origin;
import io.crmflow.model.PropertyDefinition;
import io.crmflow.model.PropertyType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerIndexesTest {
    private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
    private static final ObjectType CODE_AS_TEXT = ObjectType.custom("thing",
            List.of(PropertyDefinition.of("code", PropertyType.STRING)));
    private static final ObjectType CODE_AS_NUMBER = ObjectType.custom("thing",
            List.of(PropertyDefinition.of("code", PropertyType.NUMBER)));
    private static final CrmRecord TEN = new CrmRecord("t1", "thing", "r1", Map.of("code", "10.0"), 1, NOW, NOW);
    private static final CrmEvent CREATED = new CrmEvent.RecordCreated("e1", "t1", TEN.ref(), NOW, Origin.api());
    private final TriggerIndexes indexes = new TriggerIndexes(2);

    private static WorkflowDefinition codeIs(String value, long version) {
        Filter criteria = Filter.allOf(Filters.where("code").equalTo(value));
        return new WorkflowDefinition("t1", "wf", null, "thing", version, true, new EnrollmentTrigger(criteria), null,
                List.of());
    }

    /** The same workflows as another read of the store returns them: equal, not the same list. */
    private static List<WorkflowDefinition> read(WorkflowDefinition... workflows) {
        return new ArrayList<>(List.of(workflows));
    }

    @Test
    void anIndex_isBuiltOnce_whileTheWorkflowsReadStayTheSame() {
        TriggeredWorkflows first = indexes.over("t1", "thing", read(codeIs("10", 1)), CODE_AS_NUMBER);
        TriggeredWorkflows second = indexes.over("t1", "thing", read(codeIs("10", 1)), CODE_AS_NUMBER);

        assertThat(second.index()).isSameAs(first.index());
        assertThat(second.candidates(CREATED, TEN)).hasSize(1);
    }

    @Test
    void aWorkflowSavedAgain_isIndexedAnew() {
        indexes.over("t1", "thing", read(codeIs("10", 1)), CODE_AS_NUMBER);

        TriggeredWorkflows afterSave = indexes.over("t1", "thing", read(codeIs("11", 2)), CODE_AS_NUMBER);

        assertThat(afterSave.candidates(CREATED, TEN)).isEmpty();
    }

    @Test
    void aWorkflowSwitchedOff_isIndexedAnew() {
        indexes.over("t1", "thing", read(codeIs("10", 1)), CODE_AS_NUMBER);

        assertThat(indexes.over("t1", "thing", read(), CODE_AS_NUMBER).candidates(CREATED, TEN)).isEmpty();
    }

    @Test
    void aPropertyThatChangedType_isIndexedAnew_forValuesCompareByItsNewType() {
        TriggeredWorkflows asText = indexes.over("t1", "thing", read(codeIs("10", 1)), CODE_AS_TEXT);
        assertThat(asText.candidates(CREATED, TEN)).isEmpty(); // "10.0" is not the text "10"

        TriggeredWorkflows asNumber = indexes.over("t1", "thing", read(codeIs("10", 1)), CODE_AS_NUMBER);

        assertThat(asNumber.candidates(CREATED, TEN)).hasSize(1);
    }

    @Test
    void eachTenantAndType_hasItsOwn_andTheLeastRecentlyUsedIsDroppedPastCapacity() {
        TriggerIndex t1 = indexes.over("t1", "thing", read(codeIs("10", 1)), CODE_AS_NUMBER).index();
        TriggerIndex t2 = indexes.over("t2", "thing", read(codeIs("10", 1)), CODE_AS_NUMBER).index();
        assertThat(t2).isNotSameAs(t1);
        assertThat(indexes.over("t1", "thing", read(codeIs("10", 1)), CODE_AS_NUMBER).index()).isSameAs(t1);

        indexes.over("t3", "thing", read(codeIs("10", 1)), CODE_AS_NUMBER);

        assertThat(indexes.over("t1", "thing", read(codeIs("10", 1)), CODE_AS_NUMBER).index()).isSameAs(t1);
        assertThat(indexes.over("t2", "thing", read(codeIs("10", 1)), CODE_AS_NUMBER).index()).isNotSameAs(t2);
    }
}
