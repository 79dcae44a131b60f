package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Condition;
import io.crmflow.filter.Filters;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Tenant;
import io.crmflow.store.RecordView;
import io.crmflow.store.memory.InMemoryStore;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The trigger index may leave a workflow out of an event's evaluation only when that workflow
 * would not have enrolled the record: over many random workflows, records and events, the
 * workflows the index's candidates enroll are exactly those the loop over every workflow
 * enrolls, and no workflow whose trigger holds is ever left out.
 */
@DisplayName("R-WF-2 the trigger index leaves out only workflows an event cannot enroll in")
class TriggerIndexSoundnessTest {
    private static final int SEEDS = 60;
    private static final int WORKFLOWS = 60;
    private static final int EVENTS = 40;
    private final InMemoryStore store = new InMemoryStore();
    private final TenantSchemas schemas = new TenantSchemas(store, RandomTriggers.TENANT);
    private final Tenant tenant = new Tenant(RandomTriggers.TENANT, "t", ZoneOffset.UTC);

    @Test
    void theCandidatesEnrollExactlyWhomEveryWorkflowWould() {
        long held = 0;
        long evaluatedByTheLoop = 0;
        long evaluatedByTheIndex = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            RandomTriggers random = new RandomTriggers(seed, WORKFLOWS);
            List<WorkflowDefinition> workflows = random.workflows();
            TriggeredWorkflows triggered = TriggerIndex.of(workflows, RandomTriggers.THING).over(workflows);
            for (int e = 0; e < EVENTS; e++) {
                CrmRecord record = random.record();
                RecordView view = random.view(record);
                CrmEvent event = random.event(record);
                String which = "seed " + seed + ", event " + e;
                var match = new TriggerMatch(event, view, RandomTriggers.THING, schemas, store, tenant,
                        RandomTriggers.NOW);
                if (event instanceof CrmEvent.WorkflowMilestone milestone) {
                    assertThat(triggered.listeningTo(milestone.workflowId())).as(which)
                            .isEqualTo(workflows.stream().filter(wf -> listensTo(wf, milestone.workflowId())).toList());
                    continue;
                }
                List<WorkflowDefinition> candidates = triggered.candidates(event, record);
                assertThat(workflows).as("candidates keep the order read, %s", which).containsSubsequence(candidates);
                for (WorkflowDefinition wf : workflows) {
                    if (triggerHolds(wf, event, match)) {
                        held++;
                        if (!candidates.contains(wf)) {
                            fail("the index left out workflow " + wf.id() + " " + wf.trigger() + ", " + which + ": "
                                    + event + " about " + record.properties() + " with slots " + view.slots().keySet());
                        }
                    }
                }
                assertThat(enrolled(candidates, match)).as(which).isEqualTo(enrolled(workflows, match));
                evaluatedByTheLoop += workflows.size();
                evaluatedByTheIndex += candidates.size();
            }
        }
        // The test means something only if triggers held often, and the index still left many out.
        assertThat(held).isGreaterThan(SEEDS * EVENTS);
        assertThat(evaluatedByTheIndex).isLessThan(evaluatedByTheLoop / 2);
    }

    /** The trigger alone, before slots, re-enrollment, loops and suppression have their say. */
    private static boolean triggerHolds(WorkflowDefinition wf, CrmEvent event, TriggerMatch match) {
        return wf.trigger().isEventBased() ? TriggerEvents.anyMatches(wf.trigger().events(), event, match.context())
                : Filters.matches(wf.trigger().criteria(), match.context());
    }

    private static List<String> enrolled(List<WorkflowDefinition> evaluated, TriggerMatch match) {
        return evaluated.stream().map(match::entry).flatMap(Optional::stream).map(e -> e.workflow().id()).toList();
    }

    /** How the trigger handler chose the workflows a milestone is evaluated against before the index. */
    private static boolean listensTo(WorkflowDefinition wf, String workflowId) {
        return wf.trigger().events().stream().anyMatch(e -> workflowId.equals(TriggerEvents.workflowOf(e)))
                || wf.trigger().criteria().groups().stream().flatMap(g -> g.conditions().stream())
                .anyMatch(c -> c instanceof Condition.InWorkflow in && workflowId.equals(in.workflowId()));
    }
}
