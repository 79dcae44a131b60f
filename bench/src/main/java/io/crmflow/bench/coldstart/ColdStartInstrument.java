package io.crmflow.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.bench.Figure;
import io.crmflow.bench.Instrument;
import io.crmflow.bench.Size;
import io.crmflow.json.Json;
import io.crmflow.local.LocalStack;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instrument 4: each function's deployable size, and the time from starting its JVM to its
 * first event handled — the function's own jar in a process of its own, against the local
 * stack over HTTP — next to a minimal handler that only builds the same SDK clients.
 */
public final class ColdStartInstrument implements Instrument {
    static final String NAME = "cold start";
    private static final long MAX_JAR_BYTES = 20L * 1024 * 1024;
    private static final double MAX_RATIO = 1.3;

    @Override
    public String name() {
        return "coldstart";
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        Path root = DeployableJars.projectRoot();
        List<DeployableJars.Deployable> functions = DeployableJars.of(root);
        List<Figure> figures = new ArrayList<>();
        for (DeployableJars.Deployable function : functions) {
            figures.add(Figure.against(NAME, function.logicalId() + " jar", String.format("%.1f MB",
                    function.bytes() / 1024.0 / 1024.0), "< 20 MB", function.bytes() < MAX_JAR_BYTES));
        }
        int rounds = size == Size.FULL ? 5 : 1;
        Map<String, ClassLoads> classes = new LinkedHashMap<>();
        Map<String, List<Launch.Timed>> timings = measure(root, functions, rounds, classes);
        double minimal = medianMillis(timings.get(MINIMAL), Launch.Timed::wallNanos);
        figures.add(Figure.context(NAME, "minimal handler: JVM start to first event (median of " + rounds + ")",
                millis(minimal)));
        for (var function : functions) {
            List<Launch.Timed> cold = timings.get(function.logicalId());
            List<Launch.Timed> primed = timings.get(function.logicalId() + PRIMED);
            double wall = medianMillis(cold, Launch.Timed::wallNanos);
            double ratio = wall / minimal;
            figures.add(Figure.against(NAME, function.logicalId() + ": JVM start to first event (median of " + rounds
                    + ")", millis(wall) + ", " + String.format("%.2f×", ratio) + " the minimal", "≤ 1.3× the minimal",
                    ratio <= MAX_RATIO));
            figures.add(Figure.context(NAME, function.logicalId() + ": handler built / first event handled",
                    millis(medianMillis(cold, Launch.Timed::buildNanos)) + " / "
                            + millis(medianMillis(cold, Launch.Timed::firstNanos))));
            figures.add(Figure.context(NAME, function.logicalId() + ": first event after priming (as after a"
                    + " SnapStart restore) / priming", millis(medianMillis(primed, Launch.Timed::firstNanos)) + " / "
                    + millis(medianMillis(primed, Launch.Timed::primeNanos))));
            ClassLoads loaded = classes.get(function.logicalId());
            figures.add(Figure.context(NAME, function.logicalId() + ": classes loaded to the first event, beyond the"
                    + " minimal handler's " + classes.get(MINIMAL).total(), loaded.total() + " ("
                    + loaded.beyond(classes.get(MINIMAL)) + ")"));
        }
        return figures;
    }

    private static final String MINIMAL = "minimal";
    private static final String PRIMED = " primed";

    /**
     * Rounds of every function, cold and primed, and of the minimal handler, interleaved so that
     * a busy moment of the machine hits all alike. Each round's trigger enrolls a contact of its
     * own, and the step function runs the step that enrollment sent.
     */
    private static Map<String, List<Launch.Timed>> measure(Path root, List<DeployableJars.Deployable> functions,
                                                           int rounds, Map<String, ClassLoads> classes)
            throws Exception {
        Path work = Files.createTempDirectory("crmflow-coldstart");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Map<String, List<Launch.Timed>> timings = new LinkedHashMap<>();
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(root.resolve("template.yaml"),
                work.resolve("mail"), null, "coldstart-", Clock.systemUTC(), false, quiet))) {
            FirstEvents events = FirstEvents.prepare(stack, work, 2 * rounds + 1);
            Map<String, DeployableJars.Deployable> byId = new LinkedHashMap<>();
            functions.forEach(f -> byId.put(f.logicalId(), f));
            var trigger = byId.get("TriggerFunction");
            var step = byId.get("StepFunction");
            var timer = byId.get("TimerFunction");
            var api = byId.get("ApiFunction");
            for (int round = 0; round < rounds; round++) {
                Path created = events.contactCreated();
                record(timings, MINIMAL, launch(stack, trigger, MinimalHandler.class.getName(), SQSEvent.class,
                        created, false).run());
                for (boolean primed : new boolean[] {false, true}) {
                    String suffix = primed ? PRIMED : "";
                    Path contact = primed ? events.contactCreated() : created;
                    record(timings, trigger.logicalId() + suffix, launch(stack, trigger, trigger.handlerClass(),
                            SQSEvent.class, contact, primed).run());
                    record(timings, step.logicalId() + suffix, launch(stack, step, step.handlerClass(), SQSEvent.class,
                            events.stepSent(), primed).run());
                    record(timings, timer.logicalId() + suffix, launch(stack, timer, timer.handlerClass(),
                            ScheduledEvent.class, events.timerTick(), primed).run());
                    record(timings, api.logicalId() + suffix, launch(stack, api, api.handlerClass(),
                            APIGatewayV2HTTPEvent.class, events.contactRead(), primed).run());
                }
            }
            // One more start of each, untimed, with the JVM logging every class it loads; in this
            // order, since the step function's event is the step the trigger function sent.
            Path created = events.contactCreated();
            profile(classes, MINIMAL, launch(stack, trigger, MinimalHandler.class.getName(), SQSEvent.class, created,
                    false), work);
            profile(classes, trigger.logicalId(), launch(stack, trigger, trigger.handlerClass(), SQSEvent.class,
                    created, false), work);
            profile(classes, step.logicalId(), launch(stack, step, step.handlerClass(), SQSEvent.class,
                    events.stepSent(), false), work);
            profile(classes, timer.logicalId(), launch(stack, timer, timer.handlerClass(), ScheduledEvent.class,
                    events.timerTick(), false), work);
            profile(classes, api.logicalId(), launch(stack, api, api.handlerClass(), APIGatewayV2HTTPEvent.class,
                    events.contactRead(), false), work);
        }
        return timings;
    }

    /** The function's own jar first, then only what reads the event as the runtime does and times it. */
    private static Launch launch(LocalStack stack, DeployableJars.Deployable function, String handlerClass,
                                 Class<?> eventClass, Path event, boolean primed) throws Exception {
        List<Path> classPath = List.of(function.jar(), codeSource(FirstEvent.class),
                codeSource(LambdaEventSerializers.class));
        return new Launch(handlerClass, eventClass.getName(), event, primed, classPath,
                stack.functionEnvironment(function.logicalId()), null);
    }

    private static void profile(Map<String, ClassLoads> classes, String name, Launch launch, Path work)
            throws Exception {
        Path log = work.resolve("classes-" + name + ".log");
        record(new LinkedHashMap<>(), name, launch.withClassLog(log).run());
        classes.put(name, ClassLoads.read(log));
    }

    /** A process that handled its event wrongly measured nothing: its answer must say the event was handled. */
    private static void record(Map<String, List<Launch.Timed>> timings, String name, Launch.Timed timed) {
        JsonNode answer = Json.tree(timed.answer());
        boolean handled = answer.has("statusCode") ? answer.get("statusCode").asInt() == 200
                : !answer.has("batchItemFailures") || answer.get("batchItemFailures").isEmpty();
        if (!handled) {
            throw new IllegalStateException(name + " did not handle its first event: " + timed.answer());
        }
        timings.computeIfAbsent(name, k -> new ArrayList<>()).add(timed);
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static double medianMillis(List<Launch.Timed> runs, java.util.function.ToLongFunction<Launch.Timed> of) {
        long[] values = runs.stream().mapToLong(of).sorted().toArray();
        long middle = values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
        return middle / 1e6;
    }

    private static String millis(double ms) {
        return String.format("%.0f ms", ms);
    }
}
