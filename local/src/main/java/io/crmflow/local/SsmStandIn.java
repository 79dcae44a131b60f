package io.crmflow.local;

import java.net.URI;
import java.time.Clock;

/**
 * A local SSM Parameter Store: a loopback HTTP server speaking the service's JSON 1.1 protocol
 * ({@code X-Amz-Target: AmazonSSM.<Operation>}) for the operations an SDK {@code SsmClient}
 * needs here — {@code PutParameter}, {@code GetParameter}, {@code DeleteParameter} (see
 * {@link ParameterStoreOperations}). Parameters live in memory and nothing is really encrypted;
 * requests are not authenticated. Against an emulator that speaks SSM itself (LocalStack, moto),
 * the local stack uses that instead.
 *
 * <p>Thread-safe. {@link #start} binds a free port; {@link #close()} stops serving and forgets
 * every parameter.
 */
public final class SsmStandIn implements AutoCloseable {

    private static final String TARGET_PREFIX = "AmazonSSM.";

    private final HttpExchanges.Server server;

    private SsmStandIn(ParameterStoreOperations operations) {
        this.server = HttpExchanges.loopbackServer("ssm-stand-in");
        server.http().createContext("/", AwsJsonProtocol.handler(TARGET_PREFIX, "InternalServerError", operations::invoke));
        server.http().start();
    }

    /**
     * Starts serving on a free loopback port.
     *
     * @param region    the region put in parameters' ARNs
     * @param accountId the account put in parameters' ARNs
     * @param clock     the time a version is written at
     */
    public static SsmStandIn start(String region, String accountId, Clock clock) {
        return new SsmStandIn(new ParameterStoreOperations(region, accountId, clock));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void close() {
        server.stop();
    }
}
