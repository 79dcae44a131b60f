package io.crmflow.local.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;
import io.crmflow.local.TableWrites;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every answer of the API must be, whatever it was sent (R-RUN-6): a 2xx with JSON, or a
 * 4xx problem document (RFC 9457) whose status is the answer's and whose validation errors each
 * point somewhere (API Gateway's own 401, before the function, excepted); and a refused request
 * must have written nothing to the table but a claim of its idempotency key that it gave back.
 * Stateless.
 */
final class FuzzVerdicts {
    private static final String IDEMPOTENCY_SK = "#IDEMPOTENCY";

    private FuzzVerdicts() {
    }

    /** What is wrong with {@code answer}, given the writes made while it was worked out; empty when nothing. */
    static List<String> of(Api.Answer answer, List<TableWrites.Write> writes) {
        List<String> wrong = new ArrayList<>();
        int status = answer.status();
        if (status >= 200 && status < 300) {
            success(answer, wrong);
            if ("true".equals(answer.header("idempotent-replayed")) && !writes.isEmpty()) {
                wrong.add("a replayed answer wrote " + writes);
            }
        } else if (status >= 400 && status < 500) {
            if (!fromTheGateway(answer)) {
                problem(answer, wrong);
            }
            List<TableWrites.Write> strays = writesLeftBy(writes);
            if (!strays.isEmpty()) {
                wrong.add("refused, yet wrote " + strays);
            }
        } else {
            wrong.add("answered " + status + ", neither a 2xx nor a 4xx");
        }
        return wrong;
    }

    /**
     * API Gateway's JWT authorizer refuses a request without a valid token before the function
     * runs, with an answer of its own that no function can shape; the local stack answers as it
     * does. Only that answer, exactly, is let through.
     */
    private static boolean fromTheGateway(Api.Answer answer) {
        return answer.status() == 401 && "application/json".equals(answer.contentType())
                && "{\"message\":\"Unauthorized\"}".equals(answer.body());
    }

    private static void success(Api.Answer answer, List<String> wrong) {
        if (answer.body() == null || answer.body().isEmpty()) {
            return;
        }
        if (!"application/json".equals(answer.contentType())) {
            wrong.add("a 2xx with a body of type " + answer.contentType());
        }
        parse(answer.body(), wrong);
    }

    private static void problem(Api.Answer answer, List<String> wrong) {
        if (!"application/problem+json".equals(answer.contentType())) {
            wrong.add("a 4xx of type " + answer.contentType() + ", not application/problem+json");
        }
        JsonNode body = parse(answer.body(), wrong);
        if (body == null) {
            return;
        }
        for (String field : List.of("type", "title", "detail")) {
            if (!body.path(field).isTextual() || body.path(field).asText().isBlank()) {
                wrong.add("the problem has no " + field);
            }
        }
        if (body.path("status").asInt() != answer.status()) {
            wrong.add("the problem's status " + body.get("status") + " is not the answer's");
        }
        if (answer.status() == 400 || answer.status() == 422) {
            errors(body.path("errors"), wrong);
        }
    }

    /** A validation refusal lists every error, each at a JSON pointer with a sentence a person can act on. */
    private static void errors(JsonNode errors, List<String> wrong) {
        if (!errors.isArray() || errors.isEmpty()) {
            wrong.add("a validation refusal without errors[]");
            return;
        }
        errors.forEach(e -> {
            if (!e.path("pointer").isTextual() || !e.path("pointer").asText().startsWith("/")) {
                wrong.add("an error without a JSON pointer: " + e);
            }
            if (!e.path("detail").isTextual() || e.path("detail").asText().isBlank()) {
                wrong.add("an error without a detail: " + e);
            }
        });
    }

    /**
     * The writes a refused request left: everything but its idempotency key's claim, which the
     * refusal gives back (a put, then the delete of that item); a claim left in place counts.
     */
    static List<TableWrites.Write> writesLeftBy(List<TableWrites.Write> writes) {
        List<TableWrites.Write> strays = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (TableWrites.Write w : writes) {
            String item = w.pk() + " / " + w.sk();
            if (!IDEMPOTENCY_SK.equals(w.sk())) {
                strays.add(w);
            } else if (w.operation().equals("PutItem")) {
                claimed.add(item);
            } else if (!w.operation().equals("DeleteItem") || !claimed.remove(item)) {
                strays.add(w);
            }
        }
        claimed.forEach(item -> strays.add(new TableWrites.Write("PutItem (never given back)", item, IDEMPOTENCY_SK)));
        return strays;
    }

    private static JsonNode parse(String body, List<String> wrong) {
        try {
            return Json.tree(body);
        } catch (RuntimeException e) {
            wrong.add("a body that is not JSON: " + e.getMessage());
            return null;
        }
    }

    /** A request and its answer, short enough to read in a failure. */
    static String describe(String method, String path, Map<String, String> headers, String client, String body,
                           List<String> how, Api.Answer answer) {
        return method + " " + cut(path, 200) + " as " + client + (headers.isEmpty() ? "" : " with " + headers)
                + (how.isEmpty() ? " (unspoiled)" : " (" + String.join("; ", how) + ")")
                + "\n    body: " + cut(body, 300) + "\n    answer: " + answer.status() + " " + cut(answer.body(), 500);
    }

    private static String cut(String text, int max) {
        return text == null ? "null" : text.length() <= max ? visible(text)
                : visible(text.substring(0, max)) + "… (" + text.length() + " chars)";
    }

    /** Control characters and lone surrogates as escapes: written raw, they cut the report where they stand. */
    private static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isISOControl(c) && c != '\n' || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
