package io.crmflow.bench.matching;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.TenantSchemas;
import io.crmflow.engine.TriggerIndex;
import io.crmflow.engine.TriggerMatch;
import io.crmflow.engine.TriggeredWorkflows;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Origin;
import io.crmflow.model.PropertyChange;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.model.Tenant;
import io.crmflow.store.RecordView;
import io.crmflow.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One property-change event on a contact — its owner changed, and its lifecycle stage — and a
 * tenant's {@link ContactWorkflows}, matched the two ways the trigger handler could: through
 * the trigger index, evaluating only its candidates, and by evaluating every workflow, as it did
 * before the index. Both run the engine's own decision ({@link TriggerMatch}) on data in memory:
 * what is measured is matching, not reading.
 */
final class MatchingWorkload {
    static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
    private final List<WorkflowDefinition> workflows;
    private final ObjectType schema = StandardObjectTypes.byName(StandardObjectTypes.CONTACT).orElseThrow();
    private final InMemoryStore store = new InMemoryStore();
    private final TenantSchemas schemas = new TenantSchemas(store, ContactWorkflows.TENANT);
    private final Tenant tenant = new Tenant(ContactWorkflows.TENANT, "Acme", ZoneOffset.UTC);
    private final RecordView view;
    private final CrmEvent event;

    MatchingWorkload(int workflows) {
        this.workflows = ContactWorkflows.of(workflows);
        CrmRecord contact = new CrmRecord(ContactWorkflows.TENANT, "contact", "ada", Map.of(
                "email", "ada@example.com", "firstname", "Ada", "lastname", "Lovelace", "jobtitle", "title-0",
                "hubspot_owner_id", "owner-0", "hs_timezone", "tz-0", "lifecyclestage", "lead",
                "hs_marketable_status", "true", "hs_email_optout", "false",
                "createdate", NOW.minus(Duration.ofDays(3)).toString()), 7, NOW.minus(Duration.ofDays(3)), NOW);
        this.view = RecordView.alone(contact);
        this.event = new CrmEvent.PropertiesChanged("evt-1", ContactWorkflows.TENANT, contact.ref(), NOW,
                Origin.user("u1"), List.of(new PropertyChange("hubspot_owner_id", "owner-1", "owner-0"),
                new PropertyChange("lifecyclestage", "subscriber", "lead")));
    }

    List<WorkflowDefinition> workflows() {
        return workflows;
    }

    ObjectType schema() {
        return schema;
    }

    TriggeredWorkflows indexed() {
        return TriggerIndex.of(workflows, schema).over(workflows);
    }

    /** The workflows the index gives for the event, the only ones evaluated through it. */
    List<WorkflowDefinition> candidates(TriggeredWorkflows triggered) {
        return triggered.candidates(event, view.record());
    }

    /** What the trigger handler enrolls the contact in, evaluating the index's candidates. */
    List<TriggerMatch.Entry> enrolledThroughIndex(TriggeredWorkflows triggered) {
        return enrolled(candidates(triggered));
    }

    /** What the trigger handler enrolled the contact in before the index: every workflow evaluated. */
    List<TriggerMatch.Entry> enrolledByEveryWorkflow() {
        return enrolled(workflows);
    }

    private List<TriggerMatch.Entry> enrolled(List<WorkflowDefinition> evaluated) {
        var match = new TriggerMatch(event, view, schema, schemas, store, tenant, NOW);
        List<TriggerMatch.Entry> entries = new ArrayList<>();
        for (WorkflowDefinition wf : evaluated) {
            Optional<TriggerMatch.Entry> entry = match.entry(wf);
            entry.ifPresent(entries::add);
        }
        return entries;
    }
}
