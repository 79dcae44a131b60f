package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.LeadAutomations;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Origin;
import io.crmflow.store.DefinitionStore;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The events of one batch share one read of each trigger partition and of each tenant's lead
 * automations; the next batch reads again.
 */
class TriggerReadsTest {
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    private void customerWorkflow(String id) {
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", id, null, "contact", 0, true,
                new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("customer"))), "t",
                List.of(new Action.SetProperty("t", "jobtitle", "x", null))));
    }

    /** Creates a customer and returns its creation event, taken off the queue undelivered. */
    private CrmEvent customerCreated(String id) {
        h.engine.records().create("acme", "contact", id, Map.of("lifecyclestage", "customer"), Origin.api(), h.now);
        return h.events.removeLast();
    }

    private List<String> workflowsOf(String contact) {
        return h.store.view("acme", new io.crmflow.model.RecordRef("contact", contact)).orElseThrow()
                .enrolledWorkflows().stream().sorted().toList();
    }

    /** The store, counting the trigger partition reads made through it. */
    private static DefinitionStore counting(DefinitionStore store, List<String> reads) {
        return (DefinitionStore) Proxy.newProxyInstance(DefinitionStore.class.getClassLoader(),
                new Class<?>[] {DefinitionStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("triggeredWorkflows")) {
                        reads.add(args[0] + "/" + args[1]);
                    } else if (method.getName().equals("leadAutomations")) {
                        reads.add(args[0] + "/lead automations");
                    }
                    return method.invoke(store, args);
                });
    }

    @Test
    void aBatch_readsEachTenantsPartitionOfAnObjectTypeOnce() {
        List<String> reads = new ArrayList<>();
        DefinitionStore store = counting(h.store, reads);
        TriggerReads batch = TriggerReads.forBatch();

        for (int i = 0; i < 10; i++) {
            batch.triggeredWorkflows(store, "acme", "contact");
        }
        batch.triggeredWorkflows(store, "acme", "deal");
        batch.triggeredWorkflows(store, "other", "contact");
        TriggerReads.forBatch().triggeredWorkflows(store, "acme", "contact");

        assertThat(reads).containsExactly("acme/contact", "acme/deal", "other/contact", "acme/contact");
    }

    @Test
    void anEventOnItsOwn_readsThePartitionItself() {
        List<String> reads = new ArrayList<>();
        DefinitionStore store = counting(h.store, reads);
        TriggerReads each = TriggerReads.eachEvent();

        each.triggeredWorkflows(store, "acme", "contact");
        each.triggeredWorkflows(store, "acme", "contact");

        assertThat(reads).hasSize(2);
    }

    @Test
    void theEngine_sharesABatchsRead_andTheNextBatchSeesAWorkflowSavedSince() {
        customerWorkflow("first");
        CrmEvent ada = customerCreated("ada");
        CrmEvent bob = customerCreated("bob");
        CrmEvent cy = customerCreated("cy");
        TriggerReads batch = TriggerReads.forBatch();

        h.engine.onEvent(ada, h.now, batch);
        customerWorkflow("second"); // saved after the batch read the partition
        h.engine.onEvent(bob, h.now, batch);
        h.engine.onEvent(cy, h.now, TriggerReads.forBatch());

        assertThat(workflowsOf("ada")).containsExactly("first");
        assertThat(workflowsOf("bob")).as("the batch's events share the read made for its first")
                .containsExactly("first");
        assertThat(workflowsOf("cy")).as("the next batch reads the partition again").containsExactly("first", "second");
    }

    @Test
    void aBatch_readsEachTenantsLeadAutomationsOnce_andAnEventOnItsOwnReadsThemItself() {
        List<String> reads = new ArrayList<>();
        DefinitionStore store = counting(h.store, reads);
        TriggerReads batch = TriggerReads.forBatch();

        for (int i = 0; i < 10; i++) {
            batch.leadAutomations(store, "acme");
        }
        batch.leadAutomations(store, "other");
        TriggerReads.eachEvent().leadAutomations(store, "acme");
        TriggerReads.eachEvent().leadAutomations(store, "acme");

        assertThat(reads).containsExactly("acme/lead automations", "other/lead automations",
                "acme/lead automations", "acme/lead automations");
    }

    private void createLeadsFor(boolean on) {
        new LeadAutomationService(h.engine.ports()).update("acme", LeadAutomations.PIPELINE_ID,
                a -> new LeadAutomations(new LeadAutomations.CreateLead(on, List.of("salesqualifiedlead")),
                        a.followUpLead(), a.attempting(), a.connected()));
    }

    /** Creates a sales qualified contact and returns its creation event, taken off the queue undelivered. */
    private CrmEvent leadCreated(String id) {
        h.engine.records().create("acme", "contact", id, Map.of("lifecyclestage", "salesqualifiedlead"), Origin.api(),
                h.now);
        return h.events.removeLast();
    }

    private long leadsOf(String contact) {
        return h.store.view("acme", new io.crmflow.model.RecordRef("contact", contact)).orElseThrow().associations()
                .stream().filter(a -> a.to().objectType().equals("lead")).count();
    }

    @Test
    void theEngine_decidesABatchsLeadsOnTheSettingsItReadOnce_andTheNextBatchSeesAChangeSince() {
        createLeadsFor(true);
        CrmEvent ada = leadCreated("ada");
        CrmEvent bob = leadCreated("bob");
        CrmEvent cy = leadCreated("cy");
        TriggerReads batch = TriggerReads.forBatch();

        h.engine.onEvent(ada, h.now, batch);
        createLeadsFor(false); // switched off after the batch read the settings
        h.engine.onEvent(bob, h.now, batch);
        h.engine.onEvent(cy, h.now, TriggerReads.forBatch());

        assertThat(leadsOf("ada")).as("created with the settings as read").isOne();
        assertThat(leadsOf("bob")).as("the batch's events share the settings read for its first").isOne();
        assertThat(leadsOf("cy")).as("the next batch reads the switched-off setting").isZero();
    }
}
