package io.crmflow.functions.common;

import io.crmflow.aws.AwsClients;
import io.crmflow.aws.AwsPorts;
import io.crmflow.aws.AwsSettings;
import io.crmflow.engine.Engine;
import io.crmflow.engine.EngineSettings;
import io.crmflow.http.HttpWebhooks;
import io.crmflow.json.Envelope;
import io.crmflow.json.EventCodec;
import io.crmflow.model.CrmEvent;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * Builds what a handler needs from its environment, once per Lambda container (clients and
 * engine are reused across invocations). The only class handlers share that reads the
 * environment; tests and the local stack call {@link #create} with values of their own.
 */
public record Wiring(Engine engine, AwsClients clients, DeadLetters deadLetters, int maxAttempts, PrintStream out) {

    public static final String DEAD_LETTER_QUEUE_URL = "CRMFLOW_DEAD_LETTER_QUEUE_URL";
    public static final String MAX_ATTEMPTS = "CRMFLOW_MAX_ATTEMPTS";
    /** Below the queues' maxReceiveCount (5), so the handler dead-letters with a reason before the redrive does. */
    public static final int DEFAULT_MAX_ATTEMPTS = 4;

    public static Wiring fromEnv() {
        Map<String, String> env = System.getenv();
        AwsSettings settings = AwsSettings.fromEnvironment(env);
        String dlq = env.get(DEAD_LETTER_QUEUE_URL);
        int attempts = Integer.parseInt(env.getOrDefault(MAX_ATTEMPTS, Integer.toString(DEFAULT_MAX_ATTEMPTS)));
        Wiring wiring = create(settings, Clock.systemUTC(), dlq, attempts, System.out);
        EngineLogs.routeTo(wiring.log("engine"));
        Priming.register(wiring::prime);
        return wiring;
    }

    /**
     * What every function's first event goes through, run once without an effect: an event
     * decoded and encoded again (Jackson and the model), and a read of a tenant no one has (the
     * DynamoDB client: its marshalling, signing and HTTP).
     */
    void prime() {
        CrmEvent event = EventCodec.fromEnvelope(Envelope.read(PRIMING_EVENT));
        EventCodec.detail(event);
        engine.ports().definitions().tenant(event.tenantId());
    }

    /** A property change of a made-up tenant: whether one has its id or not, priming only reads it. */
    private static final String PRIMING_EVENT = "{\"version\":\"0\",\"id\":\"priming\",\"detail-type\":"
            + "\"crm.properties.changed\",\"source\":\"crmflow\",\"account\":\"000000000000\",\"time\":"
            + "\"2026-01-15T10:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"eventId\":"
            + "\"priming\",\"tenantId\":\"#priming\",\"record\":{\"objectType\":\"contact\",\"id\":\"priming\"},"
            + "\"occurredAt\":\"2026-01-15T10:00:00Z\",\"origin\":{\"kind\":\"API\",\"id\":\"\"},\"changes\":"
            + "[{\"property\":\"lifecyclestage\",\"from\":\"lead\",\"to\":\"customer\"}]}}";

    public static Wiring create(AwsSettings settings, Clock clock, String deadLetterQueueUrl, int maxAttempts,
                                PrintStream out) {
        return create(settings, AwsClients.create(settings), clock, deadLetterQueueUrl, maxAttempts, out);
    }

    /** For the local stack, whose services listen on an endpoint each. */
    public static Wiring create(AwsSettings settings, AwsClients clients, Clock clock, String deadLetterQueueUrl,
                                int maxAttempts, PrintStream out) {
        // Webhooks keep to the process's real time, not the engine's clock (which the local stack
        // and tests move by hand): their time limit bounds how long the function runs, and the
        // receiver checks the signature's time against its own clock. Secrets read age by it too.
        Clock processClock = Clock.systemUTC();
        var webhooks = HttpWebhooks.standard(processClock);
        Engine engine = Engine.create(AwsPorts.create(settings, clients, webhooks, processClock), clock,
                EngineSettings.DEFAULTS);
        DeadLetters deadLetters = deadLetterQueueUrl == null || deadLetterQueueUrl.isBlank()
                ? DeadLetters.NONE : new SqsDeadLetters(clients.sqs(), deadLetterQueueUrl);
        return new Wiring(engine, clients, deadLetters, maxAttempts, out);
    }

    /** @param ids what the log lines about a failing message name it by (tenant, record, enrollment …) */
    public SqsBatchProcessor batchProcessor(String function, SqsBatchProcessor.DeadLetterListener listener,
                                            MessageIds ids) {
        return new SqsBatchProcessor(deadLetters, maxAttempts, metrics(function), log(function), listener, ids);
    }

    public Metrics metrics(String function) {
        return new Metrics(function, out, engine.clock());
    }

    public StructuredLog log(String function) {
        return new StructuredLog(function, out);
    }
}
