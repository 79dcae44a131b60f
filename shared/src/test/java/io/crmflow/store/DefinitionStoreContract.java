package io.crmflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.CrmList;
import io.crmflow.definition.LeadAutomations;
import io.crmflow.definition.LeadEvent;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Filter;
import io.crmflow.model.ListKind;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PipelineStage;
import io.crmflow.model.PropertyDefinition;
import io.crmflow.model.PropertyType;
import io.crmflow.model.SecretRef;
import io.crmflow.model.Tenant;
import io.crmflow.model.TicketEmailRules;
import io.crmflow.model.WebhookSettings;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link DefinitionStore} and the definition writes: tenants, object types, lists, pipelines, workflows. */
public abstract class DefinitionStoreContract extends StoreContract {

    @Test
    void putTenant_isCreatedOnce() {
        Tenant tenant = new Tenant(T, "Acme", ZoneId.of("Europe/Paris"));
        commit(new Write.PutTenant(tenant));

        ConflictException e = conflict(new Write.PutTenant(new Tenant(T, "Other", ZoneId.of("UTC"))));

        assertThat(e.writeIndex()).isZero();
        assertThat(stores.definitions().tenant(T)).contains(tenant);
        assertThat(stores.definitions().tenant(OTHER_TENANT)).isEmpty();
    }

    @Test
    void putWebhookSettings_areKeptPerTenantBesideTheTenant_andReplaced() {
        commit(new Write.PutTenant(new Tenant(T, "Acme", ZoneId.of("Europe/Paris"))));
        assertThat(stores.definitions().webhookSettings(T)).isEmpty();
        String secret = "/crmflow/test/tenants/t1/webhook-signing-secret";
        WebhookSettings first = new WebhookSettings(new SecretRef(secret, 1), false);
        WebhookSettings second = new WebhookSettings(new SecretRef(secret, 2), true);

        commit(new Write.PutWebhookSettings(T, first));
        assertThat(stores.definitions().webhookSettings(T)).contains(first);
        commit(new Write.PutWebhookSettings(T, second));

        assertThat(stores.definitions().webhookSettings(T)).contains(second);
        assertThat(stores.definitions().webhookSettings(OTHER_TENANT)).isEmpty();
        assertThat(stores.definitions().tenant(T)).as("the tenant item is untouched").isPresent();
    }

    @Test
    void putWebhookSettings_holdingTheSecretItself_isRefusedBeforeAnythingIsWritten() {
        commit(new Write.PutTenant(new Tenant(T, "Acme", ZoneId.of("Europe/Paris"))));

        assertThatThrownBy(() -> commit(new Write.PutWebhookSettings(T, new WebhookSettings(null, false, "s".repeat(32)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never the secret");

        assertThat(stores.definitions().webhookSettings(T)).isEmpty();
    }

    @Test
    @DisplayName("R-OBJ-1 a custom object type is stored per tenant and can be replaced")
    void putObjectType_createsAndReplaces() {
        ObjectType car = ObjectType.custom("car", List.of());
        commit(new Write.PutObjectType(T, car));
        ObjectType carV2 = ObjectType.custom("car", List.of(PropertyDefinition.of("plate", PropertyType.STRING),
                PropertyDefinition.enumeration("fuel", "petrol", "electric")));
        commit(new Write.PutObjectType(T, carV2));

        assertThat(stores.definitions().customObjectType(T, "car")).contains(carV2);
        assertThat(stores.definitions().customObjectType(T, "boat")).isEmpty();
        assertThat(stores.definitions().customObjectType(OTHER_TENANT, "car")).isEmpty();
    }

    @Test
    void putList_andPipelines_areReadBack() {
        CrmList vip = new CrmList("vip", "VIP", "contact", ListKind.STATIC, null);
        CrmList customers = new CrmList("customers", "Customers", "contact", ListKind.ACTIVE, customers());
        Pipeline support = new Pipeline("support", "ticket", "Support",
                List.of(new PipelineStage("new", "New", true), new PipelineStage("closed", "Closed", false)));
        Pipeline billing = new Pipeline("billing", "ticket", "Billing", List.of(new PipelineStage("new", "New", true)));
        commit(new Write.PutList(T, vip), new Write.PutList(T, customers),
                new Write.PutPipeline(T, support), new Write.PutPipeline(T, billing));

        assertThat(stores.definitions().list(T, "vip")).contains(vip);
        assertThat(stores.definitions().list(T, "customers")).contains(customers);
        assertThat(stores.definitions().list(T, "nope")).isEmpty();
        assertThat(stores.definitions().pipeline(T, "ticket", "support")).contains(support);
        assertThat(stores.definitions().pipeline(T, "deal", "support")).isEmpty();
        assertThat(stores.definitions().pipelines(T, "ticket")).containsExactly(billing, support);
        assertThat(stores.definitions().pipelines(T, "deal")).isEmpty();
    }

    @Test
    void ticketEmailRules_areKeptPerPipeline_replaced_andKeepThePipelinesPartitionToPipelines() {
        Pipeline support = new Pipeline("support", "ticket", "Support",
                List.of(new PipelineStage("new", "New", true), new PipelineStage("waiting", "Waiting", true)));
        TicketEmailRules first = new TicketEmailRules("support", new TicketEmailRules.StatusRule(true, "waiting"),
                TicketEmailRules.StatusRule.OFF);
        TicketEmailRules second = new TicketEmailRules("support", new TicketEmailRules.StatusRule(false, "waiting"),
                new TicketEmailRules.StatusRule(true, "new"));
        commit(new Write.PutPipeline(T, support), new Write.PutTicketEmailRules(T, first));
        assertThat(stores.definitions().ticketEmailRules(T, "support")).contains(first);

        commit(new Write.PutTicketEmailRules(T, second));

        assertThat(stores.definitions().ticketEmailRules(T, "support")).contains(second);
        assertThat(stores.definitions().ticketEmailRules(T, "billing")).isEmpty();
        assertThat(stores.definitions().ticketEmailRules(OTHER_TENANT, "support")).isEmpty();
        assertThat(stores.definitions().pipelines(T, "ticket")).as("the rules are not read as a pipeline")
                .containsExactly(support);
    }

    @Test
    void putLeadAutomations_replaceOnlyTheVersionRead_soOfTwoSavesFromOneReadTheSecondFails() {
        var mine = new LeadAutomations(new LeadAutomations.CreateLead(true, List.of("opportunity")), null, null, null, 1);
        var theirs = new LeadAutomations(null, null, null, null, 1);

        commit(new Write.PutLeadAutomations(T, mine, 0));
        ConflictException none = conflict(new Write.PutLeadAutomations(T, theirs, 0));
        ConflictException stale = conflict(new Write.PutLeadAutomations(T, theirs.withVersion(3), 2));

        assertThat(none.writeIndex()).isZero();
        assertThat(stale.writeIndex()).isZero();
        assertThat(stores.definitions().leadAutomations(T)).contains(mine);
        commit(new Write.PutLeadAutomations(T, theirs.withVersion(2), 1));
        assertThat(stores.definitions().leadAutomations(T)).contains(theirs.withVersion(2));
    }

    @Test
    void putLeadAutomations_areKeptOutsideThePipelinesPartition_andReplaced() {
        Pipeline leads = new Pipeline("lead-pipeline", "lead", "Leads", List.of(new PipelineStage("new", "New", true)));
        commit(new Write.PutPipeline(T, leads));
        assertThat(stores.definitions().leadAutomations(T)).isEmpty();
        var first = new LeadAutomations(new LeadAutomations.CreateLead(true, List.of("salesqualifiedlead")),
                null, null, null, 1);
        var second = new LeadAutomations(null, new LeadAutomations.FollowUpLead(true, "UPSELL", List.of("timing")),
                new LeadAutomations.Progression(false, List.of("new"), "attempting-stage-id",
                        List.of(LeadEvent.CALL_LOGGED)), null, 2);

        commit(new Write.PutLeadAutomations(T, first, 0));
        assertThat(stores.definitions().leadAutomations(T)).contains(first);
        commit(new Write.PutLeadAutomations(T, second, 1));

        assertThat(stores.definitions().leadAutomations(T)).contains(second);
        assertThat(stores.definitions().leadAutomations(OTHER_TENANT)).isEmpty();
        assertThat(stores.definitions().pipelines(T, "lead")).as("the pipelines' listing reads pipelines only")
                .containsExactly(leads);
    }

    @Test
    void putWorkflow_new_keepsCurrentAndVersion_andIsCreatedOnce() {
        WorkflowDefinition v1 = workflow("wf1", 1, false, customers());
        commit(new Write.PutWorkflow(v1, 0));

        ConflictException e = conflict(new Write.PutWorkflow(workflow("wf1", 1, true, Filter.NONE), 0));

        assertThat(e.writeIndex()).isZero();
        assertThat(stores.definitions().workflow(T, "wf1")).contains(v1);
        assertThat(stores.definitions().workflowVersion(T, "wf1", 1)).contains(v1);
        assertThat(stores.definitions().workflowVersion(T, "wf1", 2)).isEmpty();
        assertThat(stores.definitions().workflow(OTHER_TENANT, "wf1")).isEmpty();
    }

    @Test
    void workflows_byIds_areTheCurrentVersionsOfThoseThatExist_inTheTenant() {
        WorkflowDefinition a = workflow("wf1", 1, false, customers());
        WorkflowDefinition b = workflow("wf2", 1, true, customers());
        commit(new Write.PutWorkflow(a, 0));
        commit(new Write.PutWorkflow(b, 0));
        commit(new Write.PutWorkflow(b.withEnabled(false).withVersion(2), 1));

        assertThat(stores.definitions().workflows(T, List.of("wf1", "wf2", "missing", "wf1")))
                .containsOnly(Map.entry("wf1", a), Map.entry("wf2", b.withEnabled(false).withVersion(2)));
        assertThat(stores.definitions().workflows(OTHER_TENANT, List.of("wf1"))).isEmpty();
        assertThat(stores.definitions().workflows(T, List.of())).isEmpty();
    }

    @Test
    void putWorkflow_expectedVersion_updatesOnlyFromTheVersionRead_andKeepsOldVersions() {
        WorkflowDefinition v1 = workflow("wf1", 1, false, customers());
        WorkflowDefinition v2 = v1.withEnabled(true).withVersion(2);
        commit(new Write.PutWorkflow(v1, 0));
        commit(new Write.PutWorkflow(v2, 1));

        assertThat(conflict(new Write.PutWorkflow(v1.withVersion(3), 1)).writeIndex()).isZero();
        assertThat(conflict(new Write.PutWorkflow(v2, 2)).writeIndex())
                .as("a save that does not make a new version would overwrite an immutable copy").isZero();
        assertThat(stores.definitions().workflow(T, "wf1")).contains(v2);
        assertThat(stores.definitions().workflowVersion(T, "wf1", 1)).contains(v1);
        assertThat(stores.definitions().workflowVersion(T, "wf1", 2)).contains(v2);
    }

    @Test
    @DisplayName("R-PIPE-6 a tenant's text of a default email is kept beside the tenant and replaced")
    void putEmailTemplate_isKeptPerTenant_andReplaced() {
        commit(new Write.PutTenant(new Tenant(T, "Acme", ZoneId.of("Europe/Paris"))));
        assertThat(stores.definitions().emailTemplate(T, "ticket_received")).isEmpty();
        var first = new io.crmflow.definition.EmailTemplate("ticket_received", "Ticket received", "Got it", "Hello");
        var second = new io.crmflow.definition.EmailTemplate("ticket_received", "Ticket received", "Got it!", "Hi");

        commit(new Write.PutEmailTemplate(T, first));
        commit(new Write.PutEmailTemplate(T, second));

        assertThat(stores.definitions().emailTemplate(T, "ticket_received")).contains(second);
        assertThat(stores.definitions().emailTemplate(T, "ticket_closed")).isEmpty();
        assertThat(stores.definitions().emailTemplate(OTHER_TENANT, "ticket_received")).isEmpty();
        assertThat(stores.definitions().tenant(T)).as("the tenant item is untouched").isPresent();
    }

    @Test
    @DisplayName("R-PIPE-2 comments on a workflow's actions are kept beside it, oldest first, and never touch a version")
    void putActionComment_isListedInTimeOrder_onceEach_andLeavesTheWorkflowAlone() {
        WorkflowDefinition wf = workflow("wf1", 1, true, customers());
        commit(new Write.PutWorkflow(wf, 0));
        var later = new io.crmflow.definition.ActionComment("c2", "wf1", "tag", "u2", "Agreed", NOW.plusSeconds(60));
        var earlier = new io.crmflow.definition.ActionComment("c1", "wf1", "tag", "u1", "Why this value?", NOW);
        commit(new Write.PutActionComment(T, later));
        commit(new Write.PutActionComment(T, earlier));

        assertThat(conflict(new Write.PutActionComment(T, earlier)).writeIndex()).isZero();
        assertThat(stores.definitions().actionComments(T, "wf1")).containsExactly(earlier, later);
        assertThat(stores.definitions().actionComments(T, "wf2")).isEmpty();
        assertThat(stores.definitions().workflow(T, "wf1")).contains(wf);
        assertThat(stores.enrollments().counters(T, "wf1")).isEmpty();
    }

    @Test
    void putWorkflow_changingTheObjectType_conflicts() {
        WorkflowDefinition v1 = workflow("wf1", 1, true, customers());
        commit(new Write.PutWorkflow(v1, 0));
        WorkflowDefinition onDeals = new WorkflowDefinition(T, "wf1", "wf1", "deal", 2, true, v1.trigger(),
                v1.firstActionId(), v1.actions());

        assertThat(conflict(new Write.PutWorkflow(onDeals, 1)).writeIndex()).isZero();
        assertThat(stores.definitions().triggeredWorkflows(T, "deal")).isEmpty();
    }

    @Test
    @DisplayName("R-WF-9 deleted actions are stored with where their enrollments go, completing ones included")
    void putWorkflow_keepsRemovedActions_evenThoseThatLeadNowhere() {
        java.util.Map<String, String> removed = new java.util.LinkedHashMap<>();
        removed.put("gone", "tag");
        removed.put("ended", null);
        WorkflowDefinition v1 = workflow("wf1", 1, true, customers()).withRemovedActions(removed);
        commit(new Write.PutWorkflow(v1, 0));

        assertThat(stores.definitions().workflow(T, "wf1").orElseThrow().removedActions()).isEqualTo(removed);
        assertThat(stores.definitions().workflowVersion(T, "wf1", 1).orElseThrow().removedActions()).isEqualTo(removed);
        assertThat(stores.definitions().triggeredWorkflows(T, "contact")).singleElement()
                .satisfies(w -> assertThat(w.removedActions()).isEqualTo(removed));
    }

    @Test
    void lists_pageInIdOrder_perTenant_andASavedListIsListedOnce() {
        for (String id : List.of("l3", "l1", "l5", "l2", "l4")) {
            commit(new Write.PutList(T, new CrmList(id, id, "contact", ListKind.STATIC, null)));
        }
        CrmList renamed = new CrmList("l2", "Renamed", "contact", ListKind.STATIC, null);
        commit(new Write.PutList(T, renamed));
        List<CrmList> lists = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<CrmList> page = stores.definitions().lists(T, cursor, 2);
            lists.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(lists).extracting(CrmList::id).containsExactly("l1", "l2", "l3", "l4", "l5");
        assertThat(lists.get(1)).isEqualTo(renamed);
        assertThat(pages).isEqualTo(3);
        assertThat(stores.definitions().lists(OTHER_TENANT, null, 10).items()).isEmpty();
    }

    @Test
    void workflows_pagesInIdOrder() {
        for (String id : List.of("w3", "w1", "w5", "w2", "w4")) {
            commit(new Write.PutWorkflow(workflow(id, 1, false, Filter.NONE), 0));
        }
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<WorkflowDefinition> page = stores.definitions().workflows(T, cursor, 2);
            page.items().forEach(w -> ids.add(w.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(ids).containsExactly("w1", "w2", "w3", "w4", "w5");
        assertThat(pages).isEqualTo(3);
        assertThat(stores.definitions().workflows(OTHER_TENANT, null, 10).items()).isEmpty();
    }

    @Test
    @DisplayName("R-RUN-2 the trigger index holds a workflow exactly while it is on and has criteria")
    void triggeredWorkflows_followEnablingAndDisabling() {
        WorkflowDefinition off = workflow("wf1", 1, false, customers());
        commit(new Write.PutWorkflow(off, 0),
                new Write.PutWorkflow(workflow("manual", 1, true, Filter.NONE), 0));
        assertThat(stores.definitions().triggeredWorkflows(T, "contact")).isEmpty();

        WorkflowDefinition on = off.withEnabled(true).withVersion(2);
        commit(new Write.PutWorkflow(on, 1));
        assertThat(stores.definitions().triggeredWorkflows(T, "contact")).containsExactly(on);
        assertThat(stores.definitions().triggeredWorkflows(T, "deal")).isEmpty();
        assertThat(stores.definitions().triggeredWorkflows(OTHER_TENANT, "contact")).isEmpty();

        WorkflowDefinition renamed = new WorkflowDefinition(T, "wf1", "Renamed", "contact", 3, true, on.trigger(),
                on.firstActionId(), on.actions());
        commit(new Write.PutWorkflow(renamed, 2));
        assertThat(stores.definitions().triggeredWorkflows(T, "contact")).containsExactly(renamed);

        commit(new Write.PutWorkflow(renamed.withEnabled(false).withVersion(4), 3));
        assertThat(stores.definitions().triggeredWorkflows(T, "contact")).isEmpty();
    }

    @Test
    void triggeredWorkflows_manyAreAllReturnedInIdOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = "wf" + (char) ('a' + i);
            ids.add(id);
            commit(new Write.PutWorkflow(workflow(id, 1, true, customers()), 0));
        }
        assertThat(stores.definitions().triggeredWorkflows(T, "contact"))
                .extracting(WorkflowDefinition::id).containsExactlyElementsOf(ids);
    }
}
