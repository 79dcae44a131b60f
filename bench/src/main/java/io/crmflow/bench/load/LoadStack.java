package io.crmflow.bench.load;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.crmflow.bench.ReferenceWorkflow;
import io.crmflow.local.DevTokens;
import io.crmflow.local.LocalStack;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Starts the local stack a load runs on: the checkout's template on the embedded services, the
 * work queues' visibility timeout shortened, and one tenant with the reference workflow saved
 * through the API as an admin saves it. Stateless.
 */
final class LoadStack {
    static final String TENANT = "load";
    static final String WORKFLOW = "reference";
    /** Short, so that what a fault or the kill left in flight comes back soon; long beside one batch. */
    static final int VISIBILITY_SECONDS = 10;

    private LoadStack() {
    }

    /**
     * @param workDir emptied, then holds the mail files
     * @param clock   the clock of the stack's handlers and stand-ins
     */
    static LocalStack start(Path workDir, Clock clock) throws IOException {
        recreate(workDir);
        Path template = withoutChangeStream(template(), workDir.resolve("template.yaml"));
        LocalStack stack = LocalStack.start(new LocalStack.Options(template, workDir.resolve("mail"), null, "load-",
                clock, false, new PrintStream(OutputStream.nullOutputStream())));
        try {
            for (String queue : List.of("TriggerQueue", "StepQueue")) {
                stack.clients().sqs().setQueueAttributes(b -> b.queueUrl(stack.resources().queueUrl(queue)).attributes(
                        Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(VISIBILITY_SECONDS))));
            }
            Map<String, String> headers = Map.of("content-type", "application/json",
                    "authorization", "Bearer " + DevTokens.issue(TENANT, "admin"));
            expect(stack.call("POST", "/tenants", headers,
                    "{\"id\":\"" + TENANT + "\",\"name\":\"Load\",\"timezone\":\"Europe/Paris\"}"), 201);
            expect(stack.call("PUT", "/workflows/" + WORKFLOW, headers, ReferenceWorkflow.json()), 200);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static void expect(APIGatewayV2HTTPResponse response, int status) {
        if (response.getStatusCode() != status) {
            throw new IllegalStateException("the API answered " + response.getStatusCode() + ": " + response.getBody());
        }
    }

    /**
     * The template without the table's change stream, which nothing in the stack reads. On AWS a
     * stream costs the writer nothing; DynamoDB Local writes every change to its stream on the one
     * thread that does all its work, which would be measured as the engine's.
     */
    static Path withoutChangeStream(Path template, Path copy) throws IOException {
        String text = Files.readString(template);
        String stream = "      StreamSpecification:\n        StreamViewType: NEW_AND_OLD_IMAGES\n";
        if (!text.contains(stream)) {
            throw new IllegalStateException(template + " no longer declares the table's stream as " + stream.strip()
                    + "; say here how to leave it out");
        }
        Files.writeString(copy, text.replace(stream, ""));
        return copy;
    }

    /** The checkout's template, from the module's directory or the checkout's. */
    private static Path template() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("no template.yaml in " + Path.of("").toAbsolutePath() + " or above");
    }

    private static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
