package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.model.Association;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Origin;
import io.crmflow.model.PropertyValues;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.outbound.OutgoingEmail;
import io.crmflow.store.Write;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Decides the actions that change CRM data or send email: pure, like {@link StepDecider}. */
final class RecordActions {
    private RecordActions() {
    }

    /**
     * The most other records one commit touches beside its own, whatever it does with each: a
     * workflow action changing associated records (the record and its event), a record created
     * with associations, a new lead (an association both ways). Each costs two items of the one
     * transaction, which DynamoDB caps at 100 and which also holds the commit's own record, event,
     * marker and stage history; 40 leaves room to spare.
     */
    static final int MOST_ASSOCIATED = 40;
    /** The most when the property is a stage: each record's stage history takes a third item. */
    static final int MOST_ASSOCIATED_STAGES = 30;

    static StepDecision setProperty(StepDraft step, Action.SetProperty a, WorkflowDefinition wf, CrmRecord record,
                                     ObjectType schema) {
        String outcome = set(step, a, wf, record, schema, 0);
        step.log(outcome.startsWith("!") ? Kind.ACTION_SKIPPED : Kind.ACTION_EXECUTED, a.id(), outcome.replaceFirst("^!", ""));
        return step.moveTo(a.next());
    }

    /**
     * Sets the property on each associated record of the action's type (R-WF-5), each with its
     * own optimistic lock and event, in the step's one commit.
     */
    static StepDecision setPropertyOnAssociated(StepDraft step, Action.SetProperty a, WorkflowDefinition wf,
                                                List<CrmRecord> associated, ObjectType schema) {
        if (associated.isEmpty()) {
            step.log(Kind.ACTION_SKIPPED, a.id(), "no associated " + a.on() + " to change");
            return step.moveTo(a.next());
        }
        List<String> outcomes = new ArrayList<>();
        // A kept stage change is a third item per record (StageChanges).
        int most = StageChanges.tracked(a.on()).contains(a.property()) ? MOST_ASSOCIATED_STAGES : MOST_ASSOCIATED;
        List<CrmRecord> some = associated.stream().limit(most).toList();
        for (int i = 0; i < some.size(); i++) {
            outcomes.add(some.get(i).ref() + ": " + set(step, a, wf, some.get(i), schema, i).replaceFirst("^!", ""));
        }
        String more = associated.size() > most ? "; " + (associated.size() - most)
                + " more associated " + a.on() + " records left unchanged (at most " + most + " per action)" : "";
        step.log(Kind.ACTION_EXECUTED, a.id(), String.join("; ", outcomes) + more);
        return step.moveTo(a.next());
    }

    /** @return what happened, starting with '!' when the change was skipped */
    private static String set(StepDraft step, Action.SetProperty a, WorkflowDefinition wf, CrmRecord record,
                              ObjectType schema, int eventIndex) {
        var definition = schema.property(a.property());
        if (definition.isEmpty()) {
            return "!property '" + a.property() + "' no longer exists on " + schema.name();
        }
        var problem = definition.get().problemWith(a.value());
        if (problem.isPresent()) {
            return "!" + problem.get();
        }
        String before = record.property(a.property()).orElse(null);
        String after = a.value() == null || a.value().isEmpty() ? null : a.value();
        if (java.util.Objects.equals(before, after)) {
            return a.property() + " already " + (after == null ? "empty" : "'" + after + "'");
        }
        var values = new HashMap<String, String>();
        values.put(a.property(), after);
        step.change(record, values, Origin.workflow(wf.id()), eventIndex);
        return "set " + a.property() + " to " + (after == null ? "empty" : "'" + after + "'");
    }

    static StepDecision createTask(StepDraft step, Action.CreateTask a, CrmRecord record) {
        String taskId = StepIds.task(step.e.id(), step.e.seq());
        Map<String, String> props = new HashMap<>();
        props.put("hs_task_subject", Personalizer.render(a.subject(), record));
        props.put("hs_task_body", Personalizer.render(a.body(), record));
        props.put("hs_task_status", "NOT_STARTED");
        if (a.dueIn() != null) {
            props.put("hs_timestamp", step.now.plus(a.dueIn()).toString());
        }
        record.property("hubspot_owner_id").ifPresent(owner -> props.put("hubspot_owner_id", owner));
        CrmRecord task = step.create(record.tenantId(), StandardObjectTypes.TASK, taskId, props,
                Origin.workflow(step.e.workflowId()), 0);
        step.writes.add(new Write.PutAssociation(record.tenantId(), new Association(task.ref(), record.ref(), "")));
        step.log(Kind.ACTION_EXECUTED, a.id(), "created task " + taskId);
        return step.moveTo(a.next());
    }

    static StepDecision createRecord(StepDraft step, Action.CreateRecord a, CrmRecord record, ObjectType targetSchema) {
        String id = StepIds.record(step.e.id(), step.e.seq());
        Map<String, String> props = new HashMap<>();
        List<String> dropped = new ArrayList<>();
        a.properties().forEach((name, value) -> {
            String rendered = Personalizer.render(value, record);
            var problem = targetSchema.property(name).flatMap(p -> p.problemWith(rendered));
            if (problem.isPresent()) {
                dropped.add(problem.get()); // a token rendered into a value the type refuses: leave it unset
            } else {
                props.put(name, rendered);
            }
        });
        CrmRecord created = step.create(record.tenantId(), a.objectType(), id, props,
                Origin.workflow(step.e.workflowId()), 0);
        step.writes.add(new Write.PutAssociation(record.tenantId(), new Association(created.ref(), record.ref(),
                a.label() == null ? "" : a.label())));
        step.log(Kind.ACTION_EXECUTED, a.id(), "created " + a.objectType() + " " + id
                + (dropped.isEmpty() ? "" : "; left unset: " + String.join("; ", dropped)));
        return step.moveTo(a.next());
    }

    static StepDecision listMembership(StepDraft step, String actionId, String listId, boolean join, CrmRecord record,
                                        String next) {
        step.writes.add(new Write.PutListMembership(record.tenantId(), listId, record.ref(), join));
        step.emit(new CrmEvent.ListMembershipChanged(step.eventId(0), record.tenantId(), record.ref(), step.now,
                Origin.workflow(step.e.workflowId()), listId, join));
        step.log(Kind.ACTION_EXECUTED, actionId, (join ? "added to" : "removed from") + " list '" + listId + "'");
        return step.moveTo(next);
    }

    static StepDecision sendEmail(StepDraft step, Action.SendEmail a, CrmRecord record) {
        String to = record.property("email").orElse("");
        if (to.isBlank()) {
            step.log(Kind.ACTION_SKIPPED, a.id(), "the record has no email address");
            return step.moveTo(a.next());
        }
        if (a.kind() == Action.EmailKind.MARKETING && !marketable(record)) {
            step.log(Kind.ACTION_SKIPPED, a.id(), "marketing email not sent: not a marketing contact, or opted out");
            return step.moveTo(a.next());
        }
        var email = new OutgoingEmail(a.from(), to, Personalizer.render(a.subject(), record),
                Personalizer.render(a.body(), record), StepIds.email(step.e.id(), step.e.seq()));
        step.log(Kind.ACTION_EXECUTED, a.id(), a.kind().name().toLowerCase() + " email sent");
        return step.moveTo(a.next()).withEffect(new OutsideEffect.Email(email));
    }

    static boolean marketable(CrmRecord record) {
        boolean marketing = record.property("hs_marketable_status").map(RecordActions::isTrue).orElse(false);
        boolean optedOut = record.property("hs_email_optout").map(RecordActions::isTrue).orElse(false);
        return marketing && !optedOut;
    }

    private static boolean isTrue(String v) {
        try {
            return PropertyValues.bool(v);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
