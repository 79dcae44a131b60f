package io.crmflow.bench.matching;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.bench.ReferenceWorkflow;
import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.TriggerEvent;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.FilterGroup;
import io.crmflow.filter.Filters;
import io.crmflow.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's active workflows on contacts, with criteria as varied as a tenant's are: owner
 * routing, persona nurtures, time-zone sends, "owner changed to" and "job title changed to"
 * event triggers, each with the reference workflow's actions. Each of the six kinds waits for
 * its own owner, job title or time zone, from a pool as large as the workflows of a kind — a
 * tenant with ten thousand workflows has that many owners and segments to tell apart — so the
 * contact of {@link MatchingWorkload} (owner-0, title-0, tz-0) is of interest to the first
 * workflow of each kind at every size: the same handful of candidates and enrollments at 10 as
 * at 10,000 workflows, and only the number of workflows grows. Beside the conditions an index
 * can file there are ones it cannot (contains, within the last days, not equal, a second stage).
 */
final class ContactWorkflows {
    static final String TENANT = "acme";
    static final int KINDS = 6;
    private static final List<String> STAGES = List.of("subscriber", "lead", "marketingqualifiedlead",
            "salesqualifiedlead", "opportunity", "customer", "evangelist", "other");

    private ContactWorkflows() {
    }

    static List<WorkflowDefinition> of(int count) {
        JsonNode reference = Json.read(ReferenceWorkflow.json(), JsonNode.class);
        List<Action> actions = Json.mapper().convertValue(reference.get("actions"), new TypeReference<List<Action>>() {
        });
        String first = reference.get("firstActionId").asText();
        List<WorkflowDefinition> workflows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = String.format("wf-%05d", i);
            workflows.add(new WorkflowDefinition(TENANT, id, "Workflow " + i, "contact", 1, true,
                    trigger(i % KINDS, i / KINDS), first, actions));
        }
        return workflows;
    }

    /** @param k which workflow of its kind: it waits for owner-k, title-k or tz-k */
    private static EnrollmentTrigger trigger(int kind, int k) {
        String owner = "owner-" + k;
        String title = "title-" + k;
        return switch (kind) {
            case 0 -> criteria(Filters.allOf(Filters.where("hubspot_owner_id").equalTo(owner),
                    Filters.where("lifecyclestage").isAnyOf(stage(k), stage(k + 1))));
            case 1 -> criteria(Filters.allOf(Filters.where("jobtitle").isAnyOf(title, "assistant " + title),
                    Filters.where("hs_marketable_status").equalTo("true"), Filters.where("email").contains("@")));
            case 2 -> new EnrollmentTrigger(Filters.anyOf(
                    Filters.allOf(Filters.where("hs_timezone").equalTo("tz-" + k),
                            Filters.where("createdate").withinLastDays(30)),
                    Filters.allOf(Filters.where("hubspot_owner_id").equalTo(owner),
                            Filters.where("lifecyclestage").equalTo("lead"))));
            case 3 -> new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").isAnyOf(stage(k),
                    stage(k + 3), "lead")), false,
                    List.of(new TriggerEvent.PropertyChanged("hubspot_owner_id", List.of(owner), List.of())));
            case 4 -> new EnrollmentTrigger(Filter.NONE, true,
                    List.of(new TriggerEvent.PropertyChanged("jobtitle", List.of(title), List.of())));
            default -> criteria(Filters.allOf(Filters.where("firstname").isKnown(),
                    Filters.where("jobtitle").equalTo(title), Filters.where("hs_email_optout").notEqualTo("true")));
        };
    }

    private static EnrollmentTrigger criteria(FilterGroup group) {
        return new EnrollmentTrigger(Filters.anyOf(group));
    }

    private static String stage(int k) {
        return STAGES.get(k % STAGES.size());
    }
}
