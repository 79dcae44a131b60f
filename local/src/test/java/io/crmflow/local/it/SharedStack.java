package io.crmflow.local.it;

import io.crmflow.local.LocalStack;
import io.crmflow.local.SettableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * One local stack for the whole integration suite (starting one costs seconds): the embedded
 * services by default, or the endpoint named by {@code AWS_ENDPOINT_URL} (LocalStack, moto).
 * Tests keep out of each other's way with tenants of their own. Closed when the JVM exits.
 * Against an endpoint, tests that commit a lot take a stack of their own ({@link #forOneTest}),
 * and against moto each test class starts on an empty moto ({@link FreshMotoPerClass}).
 */
public final class SharedStack {
    static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));
    /** What the handlers log: kept, not printed, so the build output stays readable. */
    static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
    private static final Path SUITE_MAIL = Path.of("target", "mail");
    private static LocalStack stack;
    private static boolean closing;
    private static boolean notMoto;

    private SharedStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            stack = startOwn(CLOCK, SUITE_MAIL);
            if (!closing) {
                closing = true;
                // Closes whichever shared stack is current at exit: against moto, one per class.
                Runtime.getRuntime().addShutdownHook(new Thread(SharedStack::closeCurrent));
            }
        }
        return stack;
    }

    private static synchronized void closeCurrent() {
        if (stack != null) {
            stack.close();
        }
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

    /**
     * Against an endpoint that is moto: closes the shared stack, drops everything moto holds
     * ({@code POST /moto-api/reset}), and leaves the next {@link #get} to provision a stack anew.
     * Only between test classes ({@link FreshMotoPerClass}): a stack made before is gone with it.
     * An endpoint without moto's reset (LocalStack) is left as it is.
     */
    static synchronized void startAfresh() {
        if (embedded() || notMoto) {
            return;
        }
        if (stack != null) {
            stack.close();
            stack = null;
        }
        URI reset = URI.create(endpoint()).resolve("/moto-api/reset");
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(reset)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 404) {
                notMoto = true;
            } else if (answer.statusCode() != 200) {
                throw new IllegalStateException(reset + " answered " + answer.statusCode() + ": " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + reset, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting " + reset, e);
        }
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
