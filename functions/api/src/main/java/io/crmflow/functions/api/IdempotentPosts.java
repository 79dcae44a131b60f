package io.crmflow.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.crmflow.engine.Engine;
import io.crmflow.engine.IdempotentRequests;
import io.crmflow.engine.IdempotentRequests.Outcome;
import io.crmflow.json.Json;
import io.crmflow.model.InvalidInputException;
import io.crmflow.store.IdempotencyStore.Answer;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Honours the {@code Idempotency-Key} header on every POST (R-RUN-6): the same key with the same
 * request is answered once and replayed after, byte for byte, with {@code Idempotent-Replayed:
 * true}, the request not run again; the key with another request is refused (422), and so is a
 * repeat while the first send still runs (409). Without the header a POST runs as it is.
 * A {@link Router.Filter}, so that every POST route, a new one included, is covered.
 * Thread-safe.
 */
final class IdempotentPosts implements Router.Filter {
    static final String HEADER = "idempotency-key";
    static final String REPLAYED_HEADER = "idempotent-replayed";
    private static final String POINTER = "/headers/" + HEADER;
    private static final int MAX_KEY_LENGTH = 255;
    private final IdempotentRequests requests;
    private final Clock clock;

    IdempotentPosts(Engine engine) {
        this.requests = new IdempotentRequests(engine.ports().idempotency(), engine.clock());
        this.clock = engine.clock();
    }

    @Override
    public ApiResponse apply(ApiRequest request, String template, Supplier<ApiResponse> route) {
        String key = request.header(HEADER);
        if (!"POST".equals(request.method()) || key == null) {
            return route.get();
        }
        requireValid(key);
        ApiResponse[] ran = new ApiResponse[1];
        // Keys are kept per tenant: the caller's, which exists by now but for the request creating it.
        Outcome outcome = requests.run(request.tenant(), key, RequestHashes.of(request), () -> {
            ran[0] = route.get();
            return new Answer(ran[0].status(), ran[0].contentType(), ran[0].body());
        });
        if (outcome instanceof Outcome.Ran) {
            return ran[0];
        }
        if (outcome instanceof Outcome.Replayed replayed) {
            Answer a = replayed.answer();
            return new ApiResponse(a.status(), a.contentType(), a.body()).withHeader(REPLAYED_HEADER, "true");
        }
        if (outcome instanceof Outcome.StillRunning running) {
            return stillRunning(running);
        }
        return keyReused();
    }

    /**
     * A key is 1 to 255 printable ASCII characters, as the Idempotency-Key header's definition
     * (a structured-field string) allows; a UUID is typical.
     */
    private static void requireValid(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw InvalidInputException.of(POINTER, "an Idempotency-Key is 1 to " + MAX_KEY_LENGTH
                    + " printable ASCII characters (a UUID, say); got " + describe(key));
        }
    }

    private static String describe(String key) {
        if (key.isEmpty()) {
            return "an empty one";
        }
        return key.length() > MAX_KEY_LENGTH ? key.length() + " characters" : "characters outside printable ASCII";
    }

    private static ApiResponse keyReused() {
        String detail = "this Idempotency-Key was already used for another request (another method, path, user or"
                + " body); send a new request with a new key, or repeat the first request exactly";
        ArrayNode errors = Json.mapper().createArrayNode();
        errors.addObject().put("pointer", POINTER).put("detail", detail);
        return Problems.problem(422, "Idempotency key reused", detail, errors);
    }

    /** Retry-After: when the first send's claim ends at the latest, when its answer is kept or its key free. */
    private ApiResponse stillRunning(Outcome.StillRunning running) {
        long seconds = Math.max(1, Duration.between(clock.instant(), running.claimExpiresAt()).toSeconds());
        return Problems.problem(409, "Request in progress", "the first request with this Idempotency-Key is still being"
                        + " processed; send it again in a moment to get its answer", null)
                .withHeader("retry-after", Long.toString(Math.min(seconds, IdempotentRequests.CLAIM.toSeconds())));
    }
}
