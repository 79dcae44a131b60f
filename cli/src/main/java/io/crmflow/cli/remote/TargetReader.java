package io.crmflow.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.cli.definition.Canonical;
import io.crmflow.cli.definition.Definition;
import io.crmflow.cli.definition.DefinitionKey;
import io.crmflow.cli.definition.Kind;
import io.crmflow.cli.definition.Models;
import io.crmflow.definition.CrmList;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.JourneyWorkflows;
import io.crmflow.engine.People;
import io.crmflow.engine.StageWorkflows;
import io.crmflow.model.DefaultPipelines;
import io.crmflow.model.Pipeline;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.model.Team;
import io.crmflow.model.User;
import io.crmflow.model.WebhookSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads everything a tenant has defined through the API — what {@code export} writes and
 * {@code diff} compares with — following every listing to its last page. A journey's
 * workflow ({@code journey:…}) is compiled by publishing, not written by anyone, and the
 * default lead pipeline comes with every tenant: both are left out, the pipeline only while
 * unchanged.
 */
public final class TargetReader {
    private final ApiClient api;

    public TargetReader(ApiClient api) {
        this.api = api;
    }

    /** @param pipelineTypes object types whose pipelines to read beside the standard ones that have pipelines */
    public Target read(Collection<String> pipelineTypes) {
        List<Definition> definitions = new ArrayList<>();
        Set<String> workflowIds = new HashSet<>();
        for (JsonNode json : api.items("/workflows")) {
            WorkflowDefinition wf = Models.fromTarget(json, WorkflowDefinition.class);
            workflowIds.add(wf.id());
            if (!JourneyWorkflows.isJourneyWorkflow(wf.id())) {
                definitions.add(new Definition(DefinitionKey.of(Kind.WORKFLOW, wf.id()), Canonical.of(wf), false, null));
            }
        }
        for (String type : typesWithPipelines(pipelineTypes)) {
            for (JsonNode json : api.items("/pipelines/" + ApiClient.segment(type))) {
                Pipeline pipeline = Models.fromTarget(json, Pipeline.class);
                if (!pipeline.equals(DefaultPipelines.LEAD)) {
                    definitions.add(new Definition(DefinitionKey.pipeline(type, pipeline.id()), Canonical.of(pipeline),
                            false, null));
                }
            }
        }
        for (JsonNode json : api.items("/lists")) {
            CrmList list = Models.fromTarget(json, CrmList.class);
            definitions.add(new Definition(DefinitionKey.of(Kind.LIST, list.id()), Canonical.of(list), false, null));
        }
        for (JsonNode summary : api.items("/journeys")) {
            definitions.add(journey(summary.get("id").asText()));
        }
        return new Target(definitions, workflowIds, people(), webhooks());
    }

    /** Its draft, and whether what is published is that draft. */
    Definition journey(String id) {
        JsonNode view = api.get("/journeys/" + ApiClient.segment(id));
        boolean published = view.path("journey").path("publishedVersion").asLong(0) > 0
                && !view.path("unpublishedChanges").asBoolean(true);
        return new Definition(DefinitionKey.of(Kind.JOURNEY, id), Canonical.of(Models.journey(view.get("draft"))),
                published, null);
    }

    private static Set<String> typesWithPipelines(Collection<String> extra) {
        Set<String> types = new TreeSet<>(extra);
        StandardObjectTypes.names().stream().filter(name -> StandardObjectTypes.byName(name)
                .filter(StageWorkflows::hasPipelines).isPresent()).forEach(types::add);
        return types;
    }

    /** The tenant's users and teams, or nothing when the caller may not read them. */
    private Optional<People> people() {
        try {
            Map<String, User> users = byId(api.items("/users"), json -> Models.fromTarget(json, User.class), User::id);
            Map<String, Team> teams = byId(api.items("/teams"), json -> Models.fromTarget(json, Team.class), Team::id);
            return Optional.of(new People() {
                @Override
                public Map<String, User> users(Collection<String> ids) {
                    return ids.stream().filter(users::containsKey).distinct()
                            .collect(Collectors.toMap(id -> id, users::get));
                }

                @Override
                public Map<String, Team> teams(Collection<String> ids) {
                    return ids.stream().filter(teams::containsKey).distinct()
                            .collect(Collectors.toMap(id -> id, teams::get));
                }
            });
        } catch (ApiException refused) {
            return Optional.empty();
        }
    }

    /** What the tenant allows webhooks; the API never gives out the secret, only whether one is set. */
    private Optional<WebhookSettings> webhooks() {
        try {
            JsonNode summary = api.get("/settings/webhooks");
            return Optional.of(WebhookSettings.shown(new WebhookSettings.Summary(
                    summary.path("signingSecretSet").asBoolean(), summary.path("allowPrivateTargets").asBoolean())));
        } catch (ApiException refused) {
            return Optional.empty();
        }
    }

    private static <T> Map<String, T> byId(List<JsonNode> items, Function<JsonNode, T> read, Function<T, String> id) {
        return items.stream().map(read).collect(Collectors.toMap(id, t -> t, (a, b) -> a));
    }
}
