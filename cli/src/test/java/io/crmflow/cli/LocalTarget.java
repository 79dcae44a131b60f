package io.crmflow.cli;

import io.crmflow.cli.remote.ApiClient;
import io.crmflow.json.Json;
import io.crmflow.local.DevTokens;
import io.crmflow.local.LocalStack;
import io.crmflow.local.SettableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The local stack serving its HTTP API on a free port: the deployment the tool's tests talk to,
 * through the real handlers and the embedded DynamoDB and SQS. One per test class (starting one
 * takes seconds); tests keep apart by tenant.
 */
final class LocalTarget implements AutoCloseable {
    /** What the stack's handlers log: kept, not printed. */
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final LocalStack stack;
    private final URI endpoint;

    LocalTarget() {
        stack = LocalStack.start(new LocalStack.Options(Path.of("..", "template.yaml"), Path.of("target", "mail"), null,
                "cli" + UUID.randomUUID().toString().substring(0, 8) + "-",
                new SettableClock(Instant.parse("2026-03-02T09:00:00Z")), false,
                new PrintStream(logs, true, StandardCharsets.UTF_8)));
        // The timer is not what these tests are about: it runs only when a test asks.
        endpoint = stack.runInBackground(Duration.ofDays(1), 0);
    }

    URI endpoint() {
        return endpoint;
    }

    /**
     * A new tenant with the user {@code ana}, whom the test folders' notifications and journeys name: the
     * environment the tool reads its options from, with an admin's development token for the tenant.
     */
    Map<String, String> newTenant() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = new HashMap<>(Map.of("CRMFLOW_ENDPOINT", endpoint.toString(),
                "CRMFLOW_TOKEN", DevTokens.issue(tenant, "admin")));
        client(env).post("/tenants", Json.tree("{\"name\": \"Test\", \"timezone\": \"Europe/Paris\"}"));
        client(env).put("/users/ana", Json.tree("{\"email\": \"ana@example.com\", \"name\": \"Ana\"}"));
        env.put("CRMFLOW_USER", "ana");
        return env;
    }

    /** The API as the tool's options in {@code env} reach it. */
    static ApiClient client(Map<String, String> env) {
        return new ApiClient(URI.create(env.get("CRMFLOW_ENDPOINT")), new ApiClient.Credentials(env.get("CRMFLOW_TOKEN"),
                env.get("CRMFLOW_USER")));
    }

    @Override
    public void close() {
        stack.close();
    }
}
