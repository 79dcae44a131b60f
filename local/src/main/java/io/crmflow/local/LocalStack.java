package io.crmflow.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.crmflow.aws.AwsClients;
import io.crmflow.engine.Engine;
import io.crmflow.functions.common.Wiring;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole system on one machine: the resources of {@code template.yaml} provisioned on
 * embedded DynamoDB Local, ElasticMQ and the EventBridge, SES and SSM stand-ins — or on any
 * AWS-compatible endpoint (LocalStack, moto) when one is given — and the real handlers fed by
 * queue pollers, a schedule and an HTTP server, as Lambda would feed them.
 *
 * <p>Lifecycle: {@link #start} provisions and builds everything; {@link #runInBackground} starts
 * the pollers, the schedule and the API server; {@link #close} stops all of it. Tests and the
 * demo drive it synchronously instead with {@link #drain} and {@link #tick}. Thread-safe.
 */
public final class LocalStack implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String SENDER = "crmflow@example.com";
    private static final String TEMPLATE_VISIBILITY_OVERRIDE = "1";
    private static final int DRAIN_ROUNDS = 200;
    /** Who {@link #requests()} says made the bus's deliveries to the queues its rules target. */
    public static final String EVENT_RULES = "EventBridge rules";

    /**
     * @param endpoint    an AWS-compatible endpoint to use instead of the embedded services; null for embedded
     * @param fastRetries when true, failed messages come back after one second instead of the
     *                    template's visibility timeout, so retries and dead-lettering can be watched
     */
    public record Options(Path template, Path mailFolder, URI endpoint, String prefix, Clock clock,
                          boolean fastRetries, PrintStream out) {
    }

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Map<String, QueuePoller> pollers = new LinkedHashMap<>();
    private final Map<String, Wiring> wirings;
    private final Map<String, RequestHandler<?, ?>> handlers;
    private final ProvisionedResources resources;
    private final AwsClients.Endpoints endpoints;
    private final Map<String, String> parameters;
    private final AwsClients clients;
    private final Mailbox mailbox;
    private final TextOutbox texts;
    private final Clock clock;
    private final SamTemplate template;
    private final TableWrites tableWrites = new TableWrites();
    private final Invocations invocations = new Invocations();
    private final RequestCounts requests = new RequestCounts(invocations::running);
    private ScheduledExecutorService schedule;
    private HttpApiServer api;

    private LocalStack(Options options) {
        this.clock = options.clock();
        this.template = SamTemplate.load(options.template());
        if (options.endpoint() != null) {
            endpoints = AwsClients.Endpoints.all(options.endpoint());
            mailbox = new MotoMailbox(options.endpoint());
        } else {
            EmbeddedDynamoDb dynamo = closing(EmbeddedDynamoDb.start());
            EmbeddedSqs sqs = closing(EmbeddedSqs.start(REGION));
            // The bus's deliveries to its rules' queues are requests of their own, billed to the queue.
            var deliveryClient = closing(AwsClients.sqs(sqs.endpoint(), Region.of(REGION),
                    List.of(requests.madeBy(EVENT_RULES))));
            EventBridgeStandIn events = closing(EventBridgeStandIn.start(deliveryClient, REGION, EmbeddedSqs.ACCOUNT_ID, clock));
            SesStandIn ses = closing(SesStandIn.start(options.mailFolder(), REGION, clock));
            SsmStandIn ssm = closing(SsmStandIn.start(REGION, EmbeddedSqs.ACCOUNT_ID, clock));
            endpoints = new AwsClients.Endpoints(dynamo.endpoint(), sqs.endpoint(), events.endpoint(), ses.endpoint(),
                    ssm.endpoint());
            mailbox = ses;
        }
        clients = closing(AwsClients.create(endpoints, Region.of(REGION), List.of(tableWrites, requests)));
        resources = Provisioner.provisionAll(clients, template, options.prefix(), SENDER);
        texts = resources.queues().containsKey(TextOutbox.QUEUE)
                ? new TextOutbox(clients.sqs(), resources.queueUrl(TextOutbox.QUEUE)) : null;
        if (options.fastRetries()) {
            for (QueueSpec queue : template.queues()) {
                clients.sqs().setQueueAttributes(b -> b.queueUrl(resources.queueUrl(queue.logicalId()))
                        .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, TEMPLATE_VISIBILITY_OVERRIDE)));
            }
        }
        parameters = Map.of("SenderAddress", SENDER, "AlarmEmail", "", LocalFunctions.STACK_NAME,
                stackName(options.prefix()));
        wirings = LocalFunctions.wirings(template, resources, parameters, clients, REGION, clock, options.out());
        handlers = LocalFunctions.handlers(template, wirings);
        for (FunctionSpec spec : template.functions()) {
            sqsSource(spec).ifPresent(source -> pollers.put(spec.logicalId(), closing(consumer(spec.logicalId(),
                    DeliveryFaults.NONE))));
        }
    }

    private static Optional<FunctionSpec.SqsSource> sqsSource(FunctionSpec spec) {
        return spec.events().stream().filter(e -> e instanceof FunctionSpec.SqsSource)
                .map(e -> (FunctionSpec.SqsSource) e).findFirst();
    }

    private FunctionSpec.SqsSource sqsSource(String functionLogicalId) {
        return sqsSource(template.function(functionLogicalId)).orElseThrow(() -> new IllegalArgumentException(
                "function " + functionLogicalId + " reads no queue"));
    }

    /**
     * The name a deployed stack would have: the prefix as a stack name may spell it (letters,
     * digits, '-'), so that runs with different prefixes keep their secrets apart too.
     */
    static String stackName(String prefix) {
        String name = prefix == null ? "" : prefix.replaceAll("[^A-Za-z0-9-]", "").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "crmflow-local" : name;
    }

    public static LocalStack start(Options options) {
        return new LocalStack(options);
    }

    /** Starts the pollers, the timer's schedule and the HTTP API on {@code apiPort} (0: any free port). */
    public URI runInBackground(Duration tickEvery, int apiPort) {
        pollers.values().forEach(QueuePoller::start);
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "schedule");
            t.setDaemon(true);
            return t;
        });
        schedule.scheduleAtFixedRate(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                System.err.println("scheduled tick failed: " + e);
            }
        }, tickEvery.toMillis(), tickEvery.toMillis(), TimeUnit.MILLISECONDS);
        api = closing(HttpApiServer.start(this::call, EmbeddedSqs.ACCOUNT_ID, apiPort));
        return api.endpoint();
    }

    /**
     * Delivers queued messages to their functions until every queue is empty; a queue still busy
     * after 200 receives is taken for a loop that never ends, and fails the call.
     */
    public void drain() {
        drain(DRAIN_ROUNDS);
    }

    /**
     * As {@link #drain()}, for work known to be large — thousands of records moving at once —
     * where a queue may stay busy for up to {@code receives} receives of a batch each without
     * being stuck in a loop.
     */
    public void drain(int receives) {
        for (int round = 0; round < DRAIN_ROUNDS; round++) {
            int received = 0;
            for (QueuePoller poller : pollers.values()) {
                received += poller.pollUntilIdle(receives).received();
            }
            if (received == 0) {
                return;
            }
        }
        throw new IllegalStateException("queues still busy after " + DRAIN_ROUNDS + " rounds");
    }

    /** Fires every scheduled function once, as its schedule would. */
    public void tick() {
        for (FunctionSpec spec : template.functions()) {
            if (spec.events().stream().anyMatch(e -> e instanceof FunctionSpec.ScheduleSource)) {
                RequestHandler<ScheduledEvent, ?> handler = handler(spec.logicalId());
                ScheduledEvent event = new ScheduledEvent();
                event.setSource("aws.events");
                event.setDetailType("Scheduled Event");
                event.setTime(new org.joda.time.DateTime(clock.millis()));
                invocations.invoke(spec.logicalId(), () -> handler.handleRequest(event, context(spec.logicalId())));
            }
        }
    }

    /** Calls the HTTP API function as API Gateway would; {@code path} may carry a query string. */
    public APIGatewayV2HTTPResponse call(String method, String path, Map<String, String> headers, String body) {
        return call(ApiGatewayRequests.event(method, path, headers, body));
    }

    /**
     * Calls the HTTP API function as API Gateway would: through the JWT authorizer, which answers
     * 401 itself to a request without a valid development token ({@link DevTokens}).
     */
    public APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent request) {
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = handler(apiFunction());
        return LocalJwtAuthorizer.authorize(request)
                .map(authorized -> invocations.invoke(apiFunction(),
                        () -> handler.handleRequest(authorized, context(apiFunction()))))
                .orElseGet(LocalJwtAuthorizer::unauthorized);
    }

    /**
     * A request as API Gateway hands it to the function once its JWT authorizer has let it
     * through, with the token's claims; empty when the authorizer would answer 401.
     */
    public Optional<APIGatewayV2HTTPEvent> authorizedRequest(String method, String path, Map<String, String> headers,
                                                             String body) {
        return LocalJwtAuthorizer.authorize(ApiGatewayRequests.event(method, path, headers, body));
    }

    @SuppressWarnings("unchecked")
    public <I, O> RequestHandler<I, O> handler(String functionLogicalId) {
        RequestHandler<?, ?> handler = handlers.get(functionLogicalId);
        if (handler == null) {
            throw new IllegalArgumentException("the template has no function " + functionLogicalId);
        }
        return (RequestHandler<I, O>) handler;
    }

    /**
     * The engine a function's handler runs on, over the stack's table, bus, queues and mail: for
     * what a process beside the API does to the data (a sync, an import) in a test or a tool.
     */
    public Engine engine(String functionLogicalId) {
        Wiring wiring = wirings.get(functionLogicalId);
        if (wiring == null) {
            throw new IllegalArgumentException("the template has no function " + functionLogicalId);
        }
        return wiring.engine();
    }

    /**
     * The environment a function's own process would need to run against this stack, as Lambda
     * sets it from the template, plus each service's endpoint ({@code AWS_ENDPOINT_URL_<SERVICE>},
     * which the SDK reads) and credentials an emulator takes: for running a function's deployable
     * jar in a process of its own.
     */
    public Map<String, String> functionEnvironment(String functionLogicalId) {
        FunctionSpec spec = template.function(functionLogicalId);
        Map<String, String> env = new LinkedHashMap<>(LocalFunctions.environment(spec, resources, parameters, REGION));
        env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDb().toString());
        env.put("AWS_ENDPOINT_URL_SQS", endpoints.sqs().toString());
        env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", endpoints.eventBridge().toString());
        env.put("AWS_ENDPOINT_URL_SESV2", endpoints.ses().toString());
        env.put("AWS_ENDPOINT_URL_SSM", endpoints.ssm().toString());
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        return env;
    }

    /**
     * One more consumer of a function's queue, as one more concurrent Lambda instance: a poller
     * calling the function's handler, making {@code faults} on purpose. Not started; the caller
     * starts and closes it. {@link #drain} does not use it.
     */
    public QueuePoller consumer(String functionLogicalId, DeliveryFaults faults) {
        FunctionSpec.SqsSource source = sqsSource(functionLogicalId);
        RequestHandler<SQSEvent, SQSBatchResponse> handler = handler(functionLogicalId);
        return new QueuePoller(clients.sqs(), resources.queueUrl(source.queueLogicalId()),
                event -> invocations.invoke(functionLogicalId,
                        () -> handler.handleRequest(event, context(functionLogicalId))),
                new QueuePoller.Options(source.batchSize(), 2, source.reportBatchItemFailures()), faults);
    }

    /** What a process of its own needs to consume a function's queue against this stack's services. */
    public StandaloneConsumer standaloneConsumer(String functionLogicalId) {
        FunctionSpec.SqsSource source = sqsSource(functionLogicalId);
        FunctionSpec spec = template.function(functionLogicalId);
        return new StandaloneConsumer(functionLogicalId, spec.handler(),
                LocalFunctions.environment(spec, resources, parameters, REGION), endpoints, REGION,
                resources.queueUrl(source.queueLogicalId()), source.batchSize(), source.reportBatchItemFailures());
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    /** The SMS and WhatsApp messages the engine asked for, which no provider takes locally. */
    public TextOutbox texts() {
        if (texts == null) {
            throw new IllegalStateException("the template has no queue " + TextOutbox.QUEUE + " for text requests");
        }
        return texts;
    }

    public ProvisionedResources resources() {
        return resources;
    }

    public AwsClients clients() {
        return clients;
    }

    public Clock clock() {
        return clock;
    }

    /** Every write the stack's functions make to the table, for a test to record. */
    public TableWrites tableWrites() {
        return tableWrites;
    }

    /** Every request the stack's SDK clients make, by function, service and operation, for a benchmark to record. */
    public RequestCounts requests() {
        return requests;
    }

    /** Every invocation of the stack's functions, with its duration, for a benchmark to record. */
    public Invocations invocations() {
        return invocations;
    }

    private String apiFunction() {
        return template.functions().stream()
                .filter(f -> f.events().stream().anyMatch(e -> e instanceof FunctionSpec.HttpApiSource))
                .map(FunctionSpec::logicalId).findFirst()
                .orElseThrow(() -> new IllegalStateException("the template has no HTTP API function"));
    }

    private LocalContext context(String function) {
        return LocalContext.forInvocation(function, REGION, EmbeddedSqs.ACCOUNT_ID, template.function(function).memorySize(),
                Duration.ofSeconds(30), clock);
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                System.err.println("closing " + closeables.get(i).getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
