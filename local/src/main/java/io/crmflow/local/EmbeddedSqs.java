package io.crmflow.local;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import java.net.URI;

/**
 * An in-process SQS (ElasticMQ) on a free loopback port, speaking the same protocol the SDK
 * uses against AWS, with redrive policies and visibility timeouts. Queues live in memory and
 * are lost on {@link #close()}. Thread-safe; start once, close once.
 */
public final class EmbeddedSqs implements AutoCloseable {

    /** The account id ElasticMQ puts in queue ARNs unless told otherwise; kept for all ARNs here. */
    public static final String ACCOUNT_ID = "000000000000";

    private final SQSRestServer server;
    private final URI endpoint;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts ElasticMQ and waits until it accepts connections; ARNs carry the given region. */
    public static EmbeddedSqs start(String region) {
        SQSRestServer server = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                // Port 0 plus a generated node address: queue URLs then name the port actually bound.
                .withDynamicPort()
                .withAWSRegion(region)
                .withAWSAccountId(ACCOUNT_ID)
                .start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new EmbeddedSqs(server, port);
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
