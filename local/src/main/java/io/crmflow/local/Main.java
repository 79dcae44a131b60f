package io.crmflow.local;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the local stack: {@code --demo} runs the sample scenario and exits; without it the
 * stack serves the HTTP API until stopped. {@code token --tenant ID [--role admin|agent]} prints
 * a development token the local API accepts, and exits. Options: {@code --port N} (API port, default 8080),
 * {@code --template PATH} (default: template.yaml of the checkout), {@code --tick SECONDS}
 * (how often the timer function runs, default 60). With {@code AWS_ENDPOINT_URL} set, the
 * stack is provisioned there (LocalStack, moto) instead of on the embedded services.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("token")) {
            System.out.println(TokenArguments.parse(args).issue());
            return;
        }
        Arguments arguments = Arguments.parse(args);
        Path template = arguments.template() != null ? Path.of(arguments.template()) : findTemplate();
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        URI target = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint);
        Path mail = Path.of(System.getProperty("java.io.tmpdir"), "crmflow-mail");
        Files.createDirectories(mail);
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        String prefix = "crmflow-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        if (arguments.demo()) {
            var clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            try (LocalStack stack = LocalStack.start(new LocalStack.Options(template, mail, target, prefix, clock, false, quiet))) {
                new Demo(stack, clock, System.out).run();
            }
            System.exit(0);
        }
        LocalStack stack = LocalStack.start(new LocalStack.Options(template, mail, target, prefix, Clock.systemUTC(),
                false, System.out));
        URI api = stack.runInBackground(Duration.ofSeconds(arguments.tickSeconds()), arguments.port());
        System.out.println("crmflow is running. API: " + api);
        System.out.println("Each request needs a token: ./local/run.sh token --tenant acme --role admin"
                + " (then send it as 'Authorization: Bearer …')");
        if (stack.mailbox() instanceof SesStandIn ses) {
            System.out.println("Sent mail is kept in " + mail + " and listed at " + ses.endpoint() + "/mail");
        }
        if (stack.resources().queues().containsKey(TextOutbox.QUEUE)) {
            System.out.println("Requested SMS and WhatsApp messages wait on "
                    + stack.resources().queueUrl(TextOutbox.QUEUE));
        }
        System.out.println("Stop with Ctrl+C.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static Path findTemplate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("no template.yaml here or above; pass --template PATH");
    }

    /** {@code token --tenant ID [--role admin|agent]}: the role is admin unless said otherwise. */
    record TokenArguments(String tenant, String role) {
        static TokenArguments parse(String[] args) {
            String tenant = null;
            String role = "admin";
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--tenant" -> tenant = Arguments.value(args, ++i, "--tenant");
                    case "--role" -> role = Arguments.value(args, ++i, "--role");
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use token --tenant ID [--role admin|agent]");
                }
            }
            if (tenant == null) {
                throw new IllegalArgumentException("token needs --tenant ID");
            }
            return new TokenArguments(tenant, role);
        }

        String issue() {
            return DevTokens.issue(tenant, role);
        }
    }

    record Arguments(boolean demo, int port, String template, int tickSeconds) {
        static Arguments parse(String[] args) {
            boolean demo = false;
            int port = 8080;
            String template = null;
            int tick = 60;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--demo" -> demo = true;
                    case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                    case "--template" -> template = value(args, ++i, "--template");
                    case "--tick" -> tick = Integer.parseInt(value(args, ++i, "--tick"));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --demo, --port N, --template PATH, --tick SECONDS");
                }
            }
            return new Arguments(demo, port, template, tick);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
