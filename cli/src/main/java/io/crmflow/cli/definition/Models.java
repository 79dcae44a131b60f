package io.crmflow.cli.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.definition.CrmList;
import io.crmflow.definition.DefinitionInputs;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.json.Json;
import io.crmflow.json.JsonInputException;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.Pipeline;
import java.util.List;

/**
 * Builds the engine's model of a definition from the body the API takes for it, with the API's
 * own input records ({@link DefinitionInputs}): the same fields, the same defaults (a workflow
 * left without {@code enabled} is on, a pipeline without a label is labelled with its id), and
 * every refusal an {@link InvalidInputException} whose pointers are into that body. Stateless.
 */
public final class Models {
    /**
     * The tenant a workflow read apart from any deployment is given: a workflow's model names its
     * tenant, and its canonical form leaves it out again.
     */
    static final String NO_TENANT = "files";

    private Models() {
    }

    public static WorkflowDefinition workflow(String id, JsonNode body) {
        return read(body, DefinitionInputs.WorkflowInput.class).toWorkflow(NO_TENANT, id);
    }

    /** @param body with {@code objectType} beside what the API's body holds, since the API takes it in the path */
    public static Pipeline pipeline(String id, JsonNode body) {
        ObjectNode withoutType = body.deepCopy();
        JsonNode type = withoutType.remove("objectType");
        return read(withoutType, DefinitionInputs.PipelineInput.class)
                .toPipeline(type == null || type.isNull() ? null : type.asText(), id);
    }

    public static CrmList list(String id, JsonNode body) {
        return read(body, DefinitionInputs.ListInput.class).toList(id);
    }

    public static JourneyDefinition journey(JsonNode body) {
        return read(body, JourneyDefinition.class);
    }

    /** A definition as the target answers it (a workflow's or a list's full JSON): the model it was written from. */
    public static <T> T fromTarget(JsonNode json, Class<T> type) {
        return Json.read(json, type);
    }

    private static <T> T read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("/", "a definition is an object of fields");
        }
        try {
            return Json.read(body, type);
        } catch (JsonInputException e) {
            throw new InvalidInputException(List.of(new InputProblem(e.pointer(), e.getMessage())));
        }
    }
}
