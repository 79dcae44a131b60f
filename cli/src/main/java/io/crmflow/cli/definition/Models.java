package io.crmflow.cli.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.definition.CrmList;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.json.Json;
import io.crmflow.json.JsonInputException;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.Pipeline;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds the engine's model of a definition from the body the API takes for it, the way the API's
 * routes do: the same defaults (a workflow left without {@code enabled} is on, a pipeline without a
 * label is labelled with its id), and every refusal an {@link InvalidInputException} whose pointers
 * are into that body. Stateless.
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
        Bodies.WorkflowBody in = read(body, Bodies.WorkflowBody.class);
        return guard("/", () -> new WorkflowDefinition(NO_TENANT, id, in.name(), in.objectType(), 0,
                in.enabled() == null || in.enabled(), in.trigger(), in.firstActionId(), in.actions(), in.window(),
                in.unenrollment(), in.goal(), null));
    }

    /** @param body with {@code objectType} beside what the API's body holds, since the API takes it in the path */
    public static Pipeline pipeline(String id, JsonNode body) {
        ObjectNode withoutType = body.deepCopy();
        JsonNode type = withoutType.remove("objectType");
        Bodies.PipelineBody in = read(withoutType, Bodies.PipelineBody.class);
        return guard("/stages", () -> new Pipeline(id, type == null || type.isNull() ? null : type.asText(),
                in.label() == null ? id : in.label(), in.stages() == null ? List.of() : in.stages()));
    }

    public static CrmList list(String id, JsonNode body) {
        Bodies.ListBody in = read(body, Bodies.ListBody.class);
        return guard("/", () -> new CrmList(id, in.name(), in.objectType(), in.kind(), in.filter()));
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

    /** Model constructors refuse bad values with IllegalArgumentException, and a list holding null with NPE. */
    private static <T> T guard(String pointer, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(pointer, e.getMessage());
        } catch (NullPointerException e) {
            throw InvalidInputException.of(pointer, "a list holds null, or a required field is missing");
        }
    }
}
