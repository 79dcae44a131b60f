package io.crmflow.cli.check;

import io.crmflow.cli.definition.DefinitionKey;
import io.crmflow.definition.CrmList;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.People;
import io.crmflow.engine.StageWorkflows;
import io.crmflow.filter.Schemas;
import io.crmflow.model.ListKind;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PipelineStage;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.model.Team;
import io.crmflow.model.User;
import io.crmflow.model.WebhookSettings;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the engine's checks look up while judging one definition — lists, workflows, pipelines,
 * users and teams, webhook settings, the stored version, the time — answered from what the
 * folder and the target define. Strictly, anything neither defines does not exist, as the target
 * would answer when it is applied. Leniently, anything not known is taken to exist as needed, so
 * that what remains wrong is wrong whatever the target holds: an offline check reports what only
 * the strict answer refuses as a warning. Immutable.
 */
final class References implements Schemas {
    private final Known known;
    private final boolean lenient;
    private final Instant now;

    /**
     * What the folder and the target define.
     *
     * @param people   the target's users and teams; empty when unknown
     * @param webhooks the target's webhook settings; empty when unknown
     * @param stored   the target's workflows, by id: a delay already past is accepted when the stored one has it
     */
    record Known(Map<String, CrmList> lists, Set<String> workflowIds, Map<DefinitionKey, Pipeline> pipelines,
                 Optional<People> people, Optional<WebhookSettings> webhooks,
                 Map<String, WorkflowDefinition> stored) {
    }

    private References(Known known, boolean lenient, Instant now) {
        this.known = known;
        this.lenient = lenient;
        this.now = now;
    }

    static References strict(Known known, Instant now) {
        return new References(known, false, now);
    }

    /** Nothing is in the past for it: it judges no delay by the clock, which only the target's stored version can excuse. */
    static References lenient(Known known) {
        return new References(known, true, Instant.EPOCH);
    }

    /** Only the standard types are known here: a deployment's custom types are not definitions of the folder. */
    @Override
    public Optional<ObjectType> objectType(String name) {
        return StandardObjectTypes.byName(name);
    }

    @Override
    public boolean listExists(String listId) {
        return lenient || known.lists().containsKey(listId);
    }

    @Override
    public boolean workflowExists(String workflowId) {
        return lenient || known.workflowIds().contains(workflowId);
    }

    /** A list not known is, leniently, what an end or an eligibility list needs: a static list of contacts. */
    Optional<CrmList> list(String listId) {
        Optional<CrmList> list = Optional.ofNullable(known.lists().get(listId));
        return list.isPresent() || !lenient ? list
                : Optional.of(new CrmList(listId, listId, StandardObjectTypes.CONTACT, ListKind.STATIC, null));
    }

    /** The pipelines a stage workflow may name; one not known is, leniently, one holding the workflow's stage. */
    Function<String, Optional<Pipeline>> pipelines(WorkflowDefinition wf) {
        return pipelineId -> {
            Optional<Pipeline> pipeline = Optional.ofNullable(
                    known.pipelines().get(DefinitionKey.pipeline(wf.objectType(), pipelineId)));
            if (pipeline.isPresent() || !lenient) {
                return pipeline;
            }
            return StageWorkflows.placeOf(wf).map(at -> new Pipeline(pipelineId, wf.objectType(), pipelineId,
                    List.of(new PipelineStage(at.stageId(), at.stageId(), true))));
        };
    }

    People people() {
        if (lenient) {
            return EVERYONE;
        }
        return known.people().orElse(People.NOBODY);
    }

    /** Null, strictly and unknown: the URL is checked as for a tenant allowing no private target, the secret not at all. */
    WebhookSettings webhooks() {
        return lenient ? WebhookSettings.shown(new WebhookSettings.Summary(true, true)) : known.webhooks().orElse(null);
    }

    WorkflowDefinition stored(String workflowId) {
        return lenient ? null : known.stored().get(workflowId);
    }

    Instant now() {
        return now;
    }

    /** Knows every user and team it is asked about. */
    private static final People EVERYONE = new People() {
        @Override
        public Map<String, User> users(Collection<String> ids) {
            return ids.stream().distinct().collect(Collectors.toMap(id -> id, id -> new User(id, "someone@example.com", id)));
        }

        @Override
        public Map<String, Team> teams(Collection<String> ids) {
            return ids.stream().distinct().collect(Collectors.toMap(id -> id, id -> new Team(id, id, List.of())));
        }
    };
}
