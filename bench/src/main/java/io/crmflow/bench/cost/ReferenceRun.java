package io.crmflow.bench.cost;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.bench.ReferenceWorkflow;
import io.crmflow.local.Invocations;
import io.crmflow.local.LocalStack;
import io.crmflow.local.RequestCounts;
import io.crmflow.local.SettableClock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Runs the reference workflow for a number of contacts through the real handlers on the
 * embedded local stack, counting every request and invocation: a tenant and the workflow
 * (switched on) first, uncounted; then the contacts, created through the API, half of them
 * customers; then the queues drained, a day passed, the timer ticked and the queues drained
 * again, until every email is sent. Last, one tick with nothing due, counted on its own.
 */
final class ReferenceRun {
    static final String TENANT = "bench";
    static final String WORKFLOW = "reference";
    /** Receives per queue a drain may take before it calls the queue stuck: every message of a full run, ten times over. */
    private static final int RECEIVES_PER_CONTACT = 10;

    private ReferenceRun() {
    }

    /**
     * @param apiFunction the function API Gateway calls, whose requests are the contacts' creation
     * @param workFolder  where the mail stand-in writes the emails it takes
     */
    static RunCounts run(int contacts, Path template, String apiFunction, Path workFolder) throws IOException {
        Path mail = workFolder.resolve("mail");
        emptied(mail);
        SettableClock clock = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));
        LogBytes logs = new LogBytes();
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(template, mail, null,
                "cost-", clock, false, new PrintStream(logs, true, StandardCharsets.UTF_8)))) {
            StackApi api = StackApi.forNewTenant(stack, TENANT);
            api.call("PUT", "/workflows/" + WORKFLOW, ReferenceWorkflow.json(), 200);
            api.call("POST", "/workflows/" + WORKFLOW + "/activation", "{\"enrollExisting\": false}", 200);
            int receives = Math.max(200, contacts * RECEIVES_PER_CONTACT);

            RequestCounts.Recording requests = stack.requests().record();
            Invocations.Recording invocations = stack.invocations().record();
            long createdLogBytes;
            try (requests; invocations) {
                for (int i = 0; i < contacts; i++) {
                    api.call("POST", "/records/contact", contact(i), 201);
                }
                createdLogBytes = logs.count();
                stack.drain(receives);
                clock.advance(Duration.ofDays(1));
                stack.tick();
                stack.drain(receives);
            }
            Phase creation = Phase.of(requests, invocations, apiFunction::equals, createdLogBytes);
            Phase execution = Phase.of(requests, invocations, caller -> !caller.equals(apiFunction),
                    logs.count() - createdLogBytes);

            RequestCounts.Recording idleRequests = stack.requests().record();
            Invocations.Recording idleInvocations = stack.invocations().record();
            long beforeIdle = logs.count();
            try (idleRequests; idleInvocations) {
                stack.tick();
            }
            Phase idleTick = Phase.of(idleRequests, idleInvocations, caller -> true, logs.count() - beforeIdle);

            JsonNode metrics = api.call("GET", "/workflows/" + WORKFLOW + "/metrics", null, 200);
            return new RunCounts(contacts, metrics.path("completed").asLong(), stack.mailbox().sent().size(), creation,
                    execution, idleTick);
        }
    }

    /** The last run's emails are of no use to this one, and thousands of them slow the disk. */
    private static void emptied(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Contact {@code i}: a customer when {@code i} is even, a lead when odd; both meet the trigger. */
    static String contact(int i) {
        return "{\"id\":\"c-" + i + "\",\"properties\":{\"email\":\"contact-" + i + "@example.com\",\"firstname\":\"C"
                + i + "\",\"lifecyclestage\":\"" + (i % 2 == 0 ? "customer" : "lead") + "\"}}";
    }
}
