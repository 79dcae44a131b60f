package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.json.Json;
import io.crmflow.local.LocalStack;
import io.crmflow.local.SettableClock;
import io.crmflow.local.TableWrites;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Thousands of requests generated from valid ones and spoiled ({@link FuzzMutations}) against the
 * API function on a local stack of its own, over every route the router has: every answer must
 * be a 2xx or a 4xx problem document, never a 5xx ({@link FuzzVerdicts}); a refused request must
 * have written nothing, as the table itself saw it ({@link TableWrites}); and afterwards a scan of
 * the whole table must find it whole ({@link TableInvariants}).
 *
 * <p>10,000 requests on the embedded services; against {@code AWS_ENDPOINT_URL} (an emulator,
 * far slower per call) 1,000 by default. {@code -Dcrmflow.fuzz.requests=N} sets the number and
 * {@code -Dcrmflow.fuzz.seed=S} replays a run: each run draws a new seed and names it on
 * failure. The stack is the fuzz's own so that its table holds only what the fuzz wrote; its
 * queues are never drained, since the API is what is examined here, and handlers fed spoiled
 * workflows would post webhooks to wherever those name.
 */
@DisplayName("R-RUN-6 fuzzed API: every answer a 2xx or a 4xx problem, never a 5xx, and a refusal writes nothing")
class ApiFuzzTest {
    private static final int EMBEDDED_REQUESTS = 10_000;
    private static final int ENDPOINT_REQUESTS = 1_000;
    private static final int UNSPOILED_PERCENT = 15;
    private static final int MAX_FAILURES = 10;
    private static final int CURSORS_KEPT = 50;
    private static final List<String> FIXED_CLIENTS = List.of("tenant", "ana", "agent", "no token", "unknown tenant",
            "another tenant");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final long seed = Long.getLong("crmflow.fuzz.seed", new Random().nextLong());
    private final int requests = Integer.getInteger("crmflow.fuzz.requests",
            SharedStack.embedded() ? EMBEDDED_REQUESTS : ENDPOINT_REQUESTS);
    private final Random random = new Random(seed);
    private final FuzzMutations spoil = new FuzzMutations(random);
    /** Who sends the requests, by name: the tenant's admin, a user of it by hand, an agent, others. */
    private final Map<String, Api> clients = new LinkedHashMap<>();
    /** The tenant each client's token names (none: ""), the scope of its idempotency keys. */
    private final Map<String, String> tenants = new HashMap<>();
    private final FuzzKeys keys = new FuzzKeys();
    private final List<String> cursors = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int sent;

    @Test
    void spoiledRequests_areAnsweredWithoutA5xx_refusalsWriteNothing_andTheTableStaysWhole() {
        long start = System.nanoTime();
        try (LocalStack stack = SharedStack.startOwn(new SettableClock(Instant.parse("2026-03-02T09:00:00Z")),
                Path.of("target", "fuzz-mail"))) {
            String tenant = SharedStack.uniqueTenant();
            Api api = Api.forNewTenant(stack, tenant);
            FuzzExamples.setUp(api);
            String another = SharedStack.uniqueTenant();
            client("tenant", tenant, api);
            client("ana", tenant, api.as("ana"));
            client("agent", tenant, api.asAgent());
            client("no token", "", new Api(stack, null));
            client("unknown tenant", "t-nobody", new Api(stack, "t-nobody"));
            client("another tenant", another, Api.forNewTenant(stack, another));
            var examples = FuzzExamples.byRoute(FuzzExamples.all(
                    api.get("/workflow-templates").expect(200).json().at("/items/0/id").asText(),
                    api.get("/email-templates").expect(200).json().at("/items/0/id").asText()));
            List<RegisteredRoute> routes = RegisteredRoute.of(stack);
            Set<RegisteredRoute> requested = new HashSet<>();

            for (int i = 0; i < requests && failures.size() < MAX_FAILURES; i++) {
                RegisteredRoute route = spoil.pick(routes);
                requested.add(route);
                List<FuzzExamples.Example> forRoute = examples.getOrDefault(route, List.of(FuzzExamples.generic(route)));
                send(stack, spoil.pick(forRoute));
            }

            assertThat(failures).as(report(start)).isEmpty();
            assertThat(requested).as("every route was requested").containsAll(routes);
            assertThat(statuses.keySet()).as("some requests succeed, others are refused: %s", statuses)
                    .anyMatch(s -> s < 300).anyMatch(s -> s >= 400);
            assertThat(TableInvariants.violations(stack.clients().dynamoDb(), stack.resources().tableName()))
                    .as("the table after %d requests (seed %d)", sent, seed).isEmpty();
        }
    }

    private void client(String name, String tenant, Api api) {
        clients.put(name, api);
        tenants.put(name, tenant);
    }

    private void send(LocalStack stack, FuzzExamples.Example example) {
        String fresh = Long.toHexString(random.nextLong() & 0xffffffffL);
        String method = example.method();
        String path = example.path().replace(FuzzExamples.FRESH, fresh);
        String body = example.body() == null ? null : example.body().replace(FuzzExamples.FRESH, fresh);
        String client = example.client() != null ? example.client() : "tenant";
        if (client.equals(FuzzExamples.NEW_TENANT)) {
            client("t-" + fresh, "t-" + fresh, new Api(stack, "t-" + fresh));
            client = "t-" + fresh;
        }
        Map<String, String> headers = new TreeMap<>();
        List<String> how = new ArrayList<>();
        if (random.nextInt(100) >= UNSPOILED_PERCENT) {
            boolean takesBody = !method.equals("GET") && !method.equals("DELETE");
            for (int n = 1 + random.nextInt(2); n > 0; n--) {
                int kind = random.nextInt(20);
                // A body spoiled where none is read proves little: those draws go to the path instead.
                if (kind < 8 && !takesBody && random.nextInt(8) != 0) {
                    kind = 8;
                }
                switch (kind) {
                    case 0, 1, 2, 3, 4, 5, 6, 7 -> {
                        FuzzMutations.Spoiled spoiled = spoil.body(body);
                        body = spoiled.body();
                        how.add(spoiled.how());
                    }
                    case 8, 9, 10 -> {
                        path = spoil.path(path, example.template());
                        how.add("path bent");
                    }
                    case 11 -> {
                        path = spoil.query(path);
                        how.add("query added");
                    }
                    case 12 -> {
                        path = cursors.isEmpty() ? spoil.query(path)
                                : path + (path.contains("?") ? "&" : "?") + "cursor=" + spoil.cursor(spoil.pick(cursors));
                        how.add("a cursor from some listing, maybe tampered with");
                    }
                    case 13, 14 -> {
                        client = spoil.pick(FIXED_CLIENTS);
                        how.add("sent as " + client);
                    }
                    case 15 -> {
                        headers.put("x-crmflow-user", spoil.oddString());
                        how.add("odd user");
                    }
                    case 16 -> {
                        method = spoil.pick(METHODS);
                        how.add("method " + method);
                    }
                    default -> how.add(idempotencyKey(headers, method));
                }
            }
        }
        if (method.equals("POST") && random.nextInt(3) == 0 && !headers.containsKey("idempotency-key")) {
            headers.put("idempotency-key", "k-" + fresh);
        }
        call(stack, client, method, path, body, headers, how);
        repeatAKeyedRequest(stack);
    }

    /** A key of its own, a key already used (with this other request), or a key that is not one. */
    private String idempotencyKey(Map<String, String> headers, String method) {
        int choice = random.nextInt(4);
        if (choice == 0 && !keys.recent().isEmpty()) {
            headers.put("idempotency-key", spoil.pick(keys.recent()).key());
            return "a used idempotency key";
        }
        if (choice == 1) {
            headers.put("idempotency-key", spoil.pick(List.of("", " ", "k".repeat(256), "clé", "\u0000")));
            return "a bad idempotency key";
        }
        headers.put("idempotency-key", "k-" + Long.toHexString(random.nextLong()));
        return "an idempotency key on " + method;
    }

    /** Now and then a request sent with a key is sent again exactly: a 2xx must come back as it was. */
    private void repeatAKeyedRequest(LocalStack stack) {
        if (keys.recent().isEmpty() || random.nextInt(10) != 0) {
            return;
        }
        FuzzKeys.Keyed first = spoil.pick(keys.recent());
        Api.Answer again = call(stack, first.client(), first.method(), first.path(), first.body(), first.headers(),
                List.of("sent again with its idempotency key"));
        boolean ranFirst = first.answer().status() / 100 == 2 && !first.replayed();
        if (ranFirst && !"true".equals(again.header("idempotent-replayed"))) {
            fail("sent again with its key, it was not replayed (first: " + first.answer().status() + " "
                    + first.answer().body() + ")", first.method(), first.path(), first.headers(), first.client(),
                    first.body(), List.of(), again);
        }
    }

    private Api.Answer call(LocalStack stack, String client, String method, String path, String body,
                            Map<String, String> headers, List<String> how) {
        Api.Answer answer;
        List<TableWrites.Write> writes;
        try (TableWrites.Recording recording = stack.tableWrites().record()) {
            answer = clients.get(client).call(method, path, body, headers);
            writes = recording.writes();
        }
        sent++;
        statuses.merge(answer.status(), 1, Integer::sum);
        keepCursor(answer);
        List<String> wrong = new ArrayList<>(FuzzVerdicts.of(answer, writes));
        String key = headers.get("idempotency-key");
        if (key != null && method.equals("POST")) {
            wrong.addAll(keys.note(new FuzzKeys.Keyed(client, tenants.get(client), clients.get(client), method, path,
                    body, Map.copyOf(headers), answer)));
        }
        if (!wrong.isEmpty()) {
            fail(String.join("; ", wrong), method, path, headers, client, body, how, answer);
        }
        return answer;
    }

    /** A listing's cursor, to be handed to this listing again or to another, which must refuse it. */
    private void keepCursor(Api.Answer answer) {
        if (answer.status() == 200 && answer.body() != null && answer.body().contains("\"nextCursor\"")) {
            var cursor = Json.tree(answer.body()).path("nextCursor");
            if (cursor.isTextual()) {
                cursors.add(cursor.asText());
                if (cursors.size() > CURSORS_KEPT) {
                    cursors.remove(0);
                }
            }
        }
    }

    private void fail(String what, String method, String path, Map<String, String> headers, String client,
                      String body, List<String> how, Api.Answer answer) {
        failures.add("request " + sent + ": " + what + "\n  " + FuzzVerdicts.describe(method, path, headers, client,
                body, how, answer));
    }

    private String report(long start) {
        return "%d of %d requests sent in %d s, seed %d (replay: -Dcrmflow.fuzz.seed=%d -Dcrmflow.fuzz.requests=%d);"
                .formatted(sent, requests, (System.nanoTime() - start) / 1_000_000_000L, seed, seed, requests)
                + " statuses " + statuses + "\n" + String.join("\n", failures);
    }
}
