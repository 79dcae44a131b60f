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
import java.util.ArrayList;
import java.util.List;
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
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;
    private static boolean closing;
    private static Boolean moto;
    /** Against an endpoint, the stacks of single tests ({@link #forOneTest}) made since the last reset. */
    private static final List<LocalStack> ownStacks = new ArrayList<>();

    private SharedStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            stack = startOwn(CLOCK, SUITE_MAIL);
            closeAtExit();
        }
        return stack;
    }

    /** Closes at exit the stacks open then: against moto, those made since the last reset. */
    private static void closeAtExit() {
        if (!closing) {
            closing = true;
            Runtime.getRuntime().addShutdownHook(new Thread(SharedStack::closeOpen));
        }
    }

    private static synchronized void closeOpen() {
        if (stack != null) {
            stack.close();
        }
        ownStacks.forEach(LocalStack::close);
    }

    /**
     * The stack for one test that commits a lot: on the embedded services the shared one; against
     * an endpoint, one of its own, with its own table, queues and bus (provisioning there takes a
     * moment, not an embedded start). moto copies the whole table for every item of a transaction
     * and keeps every copy, so on a table the whole run shares each commit is slower than the one
     * before, until a client times out and retries a commit that had been made.
     */
    static synchronized LocalStack forOneTest() {
        if (embedded()) {
            return get();
        }
        LocalStack own = startOwn(CLOCK, SUITE_MAIL);
        ownStacks.add(own);
        closeAtExit();
        return own;
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
     * Against an endpoint that is moto: closes the stacks made so far, drops everything moto holds
     * ({@code POST /moto-api/reset}), and leaves the next {@link #get} to provision a stack anew.
     * Only between test classes ({@link FreshMotoPerClass}): a stack made before is gone with it.
     * An endpoint that is not moto (LocalStack) is left as it is. The suite resets the moto it is
     * pointed at, so it wants one of its own.
     */
    static synchronized void startAfresh() {
        if (embedded() || !isMoto()) {
            return;
        }
        if (stack != null) {
            stack.close();
            stack = null;
        }
        ownStacks.forEach(LocalStack::close);
        ownStacks.clear();
        URI reset = URI.create(endpoint()).resolve("/moto-api/reset");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(reset).POST(HttpRequest.BodyPublishers.noBody())
                .build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(reset + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** Whether the endpoint is moto: only moto serves its dashboard at {@code /moto-api/}. */
    private static boolean isMoto() {
        if (moto == null) {
            moto = send(HttpRequest.newBuilder(URI.create(endpoint()).resolve("/moto-api/")).GET().build())
                    .statusCode() == 200;
        }
        return moto;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + request.uri(), e);
        }
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
