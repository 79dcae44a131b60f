package io.crmflow.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.engine.AlreadyExistsException;
import io.crmflow.engine.ConcurrentChangeException;
import io.crmflow.json.Json;
import io.crmflow.json.JsonInputException;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.store.InvalidCursorException;
import java.util.List;

/**
 * Turns refusals into RFC 9457 problem documents ({@code application/problem+json}) that say
 * what is wrong and where: validation lists every problem with a JSON pointer.
 */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";
    private static final String CURSOR = "/query/cursor";

    private Problems() {
    }

    static ApiResponse from(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return validation(invalid.problems());
        }
        if (e instanceof JsonInputException json) {
            return validation(List.of(new InputProblem(json.pointer(), json.getMessage())));
        }
        if (e instanceof UnauthenticatedException) {
            return problem(401, "Unauthorized", e.getMessage(), null);
        }
        if (e instanceof ForbiddenException) {
            return problem(403, "Forbidden", e.getMessage(), null);
        }
        if (e instanceof NotFoundException) {
            return problem(404, "Not found", e.getMessage(), null);
        }
        if (e instanceof AlreadyExistsException || e instanceof ConcurrentChangeException) {
            return problem(409, "Conflict", e.getMessage(), null);
        }
        if (e instanceof io.crmflow.store.WriteContentionException) {
            return problem(409, "Conflict", "the same data was being changed at the same moment; nothing was written,"
                    + " and it is safe to send the request again", null);
        }
        if (e instanceof InvalidCursorException) {
            return validation(List.of(new InputProblem(CURSOR, e.getMessage())));
        }
        if (e instanceof IllegalArgumentException) {
            return validation(List.of(new InputProblem("/", e.getMessage())));
        }
        throw e;
    }

    static ApiResponse validation(List<InputProblem> problems) {
        ArrayNode errors = Json.mapper().createArrayNode();
        problems.forEach(p -> errors.addObject().put("pointer", p.pointer()).put("detail", p.message()));
        String detail = problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems; see errors";
        return problem(400, "Invalid request", detail, errors);
    }

    static ApiResponse problem(int status, String title, String detail, ArrayNode errors) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("type", "about:blank").put("title", title).put("status", status).put("detail", detail);
        if (errors != null) {
            body.set("errors", errors);
        }
        return new ApiResponse(status, CONTENT_TYPE, body.toString());
    }
}
