package io.crmflow.local.it;

import io.crmflow.local.LocalStack;
import io.crmflow.local.SettableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * One local stack for the whole integration suite (starting one costs seconds): the embedded
 * services by default, or the endpoint named by {@code AWS_ENDPOINT_URL} (LocalStack, moto).
 * Tests keep out of each other's way with tenants of their own. Closed when the JVM exits.
 * Against an endpoint, tests that commit a lot take a stack of their own ({@link #forOneTest}).
 */
final class SharedStack {
    static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));
    /** What the handlers log: kept, not printed, so the build output stays readable. */
    static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
    private static LocalStack stack;

    private SharedStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            stack = start(embedded() ? null : URI.create(endpoint()));
        }
        return stack;
    }

    /**
     * The stack for one test that commits a lot: on the embedded services the shared one; against
     * an endpoint, one of its own, with its own table, queues and bus (provisioning there takes a
     * moment, not an embedded start). moto copies the whole table for every item of a transaction
     * and keeps every copy, so on a table the whole run shares each commit is slower than the one
     * before, until a client times out and retries a commit that had been made.
     */
    static LocalStack forOneTest() {
        return embedded() ? get() : start(URI.create(endpoint()));
    }

    private static LocalStack start(URI endpoint) {
        LocalStack started = LocalStack.start(new LocalStack.Options(Path.of("..", "template.yaml"),
                Path.of("target", "mail"), endpoint, "it" + UUID.randomUUID().toString().substring(0, 8) + "-", CLOCK,
                true, new PrintStream(LOGS, true, StandardCharsets.UTF_8)));
        Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        return started;
    }

    /** Whether the stack runs on the embedded services, which race atomically as DynamoDB does (moto does not). */
    static boolean embedded() {
        return endpoint() == null || endpoint().isBlank();
    }

    private static String endpoint() {
        return System.getenv("AWS_ENDPOINT_URL");
    }

    static String uniqueTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
