package io.crmflow.simulate;

import io.crmflow.definition.CrmList;
import io.crmflow.json.Json;
import io.crmflow.json.JsonInputException;
import io.crmflow.model.InputProblem;
import io.crmflow.model.PipelineStage;
import io.crmflow.model.PropertyDefinition;
import io.crmflow.model.Team;
import io.crmflow.model.User;
import java.util.List;

/**
 * What the workflow or journey under test needs around it, as a tenant would have set it up
 * through the API: the tenant's timezone, custom object types, pipelines, lists, users and teams,
 * its own texts of the default emails, and whether webhooks may go to private addresses. Every
 * part is optional. Immutable.
 *
 * @param timezone                   the tenant's, for execution windows, delays to a time of day and date criteria; UTC when absent
 * @param allowPrivateWebhookTargets as {@code PATCH /settings/webhooks} sets it
 */
public record SimulationSetup(String timezone, List<ObjectTypeDocument> objectTypes, List<PipelineDocument> pipelines,
                              List<CrmList> lists, List<User> users, List<Team> teams,
                              List<EmailTemplateDocument> emailTemplates, Boolean allowPrivateWebhookTargets) {
    /** A tenant in UTC with only the standard object types and pipelines. */
    public static final SimulationSetup NONE = new SimulationSetup(null, null, null, null, null, null, null, null);

    public SimulationSetup {
        objectTypes = objectTypes == null ? List.of() : List.copyOf(objectTypes);
        pipelines = pipelines == null ? List.of() : List.copyOf(pipelines);
        lists = lists == null ? List.of() : List.copyOf(lists);
        users = users == null ? List.of() : List.copyOf(users);
        teams = teams == null ? List.of() : List.copyOf(teams);
        emailTemplates = emailTemplates == null ? List.of() : List.copyOf(emailTemplates);
    }

    /** As {@code PUT /object-types/{name}} takes it, with the name. */
    public record ObjectTypeDocument(String name, List<PropertyDefinition> properties) {
    }

    /** As {@code PUT /pipelines/{type}/{id}} takes it, with the type and id. */
    public record PipelineDocument(String objectType, String id, String label, List<PipelineStage> stages) {
    }

    /** As {@code PUT /email-templates/{id}} takes it, with the id. */
    public record EmailTemplateDocument(String id, String subject, String body) {
    }

    /**
     * @throws SimulationInputException when {@code json} is not a setup, at the pointer where it went wrong
     */
    public static SimulationSetup read(String json) {
        try {
            SimulationSetup setup = Json.read(json, SimulationSetup.class);
            if (setup == null) {
                throw new JsonInputException("/", "expected a JSON object, not null");
            }
            return setup;
        } catch (JsonInputException e) {
            throw new SimulationInputException("setup", List.of(new InputProblem(e.pointer(), e.getMessage())));
        }
    }
}
