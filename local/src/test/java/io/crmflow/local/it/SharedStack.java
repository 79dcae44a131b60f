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
public final class SharedStack {
    static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));
    /** What the handlers log: kept, not printed, so the build output stays readable. */
    static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
    private static final Path SUITE_MAIL = Path.of("target", "mail");
    private static LocalStack stack;

    private SharedStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            stack = closedAtExit(startOwn(CLOCK, SUITE_MAIL));
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
        return embedded() ? get() : closedAtExit(startOwn(CLOCK, SUITE_MAIL));
    }

    /**
     * A stack of its own on the services the suite runs on, with its own clock and mail folder:
     * for a test that tells a whole story from an empty stack (the demo). The caller closes it.
     */
    public static LocalStack startOwn(SettableClock clock, Path mailFolder) {
        return LocalStack.start(new LocalStack.Options(Path.of("..", "template.yaml"), mailFolder,
                embedded() ? null : URI.create(endpoint()), "it" + UUID.randomUUID().toString().substring(0, 8) + "-",
                clock, true, new PrintStream(LOGS, true, StandardCharsets.UTF_8)));
    }

    private static LocalStack closedAtExit(LocalStack started) {
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
