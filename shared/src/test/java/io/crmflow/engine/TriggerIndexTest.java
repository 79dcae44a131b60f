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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerIndexTest {
    private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
    private static final ObjectType THING = ObjectType.custom("thing", List.of(
            PropertyDefinition.of("code", PropertyType.NUMBER), PropertyDefinition.of("vip", PropertyType.BOOL)));

    private static WorkflowDefinition workflow(String id, Filter criteria) {
        return new WorkflowDefinition("t1", id, null, "thing", 1, true, new EnrollmentTrigger(criteria), null, List.of());
    }

    private static List<String> candidates(List<WorkflowDefinition> workflows, Map<String, String> properties) {
        CrmRecord record = new CrmRecord("t1", "thing", "r1", properties, 1, NOW, NOW);
        CrmEvent created = new CrmEvent.RecordCreated("e1", "t1", record.ref(), NOW, Origin.api());
        return TriggerIndex.of(workflows, THING).over(workflows).candidates(created, record).stream()
                .map(WorkflowDefinition::id).toList();
    }

    @Test
    void aGroupIsFiledUnderTheValueFewestWorkflowsShare() {
        List<WorkflowDefinition> workflows = List.of(
                workflow("w1", Filter.allOf(Filters.where("vip").equalTo("true"), Filters.where("code").equalTo("1"))),
                workflow("w2", Filter.allOf(Filters.where("vip").equalTo("true"), Filters.where("code").equalTo("2"))),
                workflow("w3", Filter.allOf(Filters.where("vip").equalTo("true"), Filters.where("code").equalTo("3"))));

        assertThat(candidates(workflows, Map.of("vip", "true", "code", "99"))).isEmpty();
        assertThat(candidates(workflows, Map.of("vip", "true", "code", "2.0"))).containsExactly("w2");
    }

    @Test
    void aWorkflowWithAGroupNoKeyCanFile_isEvaluatedOnEveryEvent() {
        List<WorkflowDefinition> workflows = List.of(
                workflow("w1", Filter.allOf(Filters.where("code").equalTo("1"))),
                workflow("w2", Filters.anyOf(Filters.allOf(Filters.where("code").equalTo("1")),
                        Filters.allOf(Filters.where("code").notEqualTo("1")))));

        assertThat(TriggerIndex.of(workflows, THING).evaluatedAlways()).isEqualTo(1);
        assertThat(candidates(workflows, Map.of())).containsExactly("w2");
        assertThat(candidates(workflows, Map.of("code", "1"))).containsExactly("w1", "w2");
    }
}
