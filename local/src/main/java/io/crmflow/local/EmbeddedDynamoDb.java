package io.crmflow.local;

import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.URI;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local running inside this JVM as an in-memory HTTP server on a free loopback port,
 * for the local stack and the adapter's tests. Every instance is a separate, empty database
 * that disappears on {@link #close()}.
 *
 * <p>Native libraries: DynamoDB Local 3.x carries sqlite4java's native libraries for Linux,
 * macOS and Windows inside its own jar and extracts the one for this platform into a temporary
 * file when the first database opens, so nothing has to be copied or configured beforehand;
 * a plain Maven build from a clean checkout is enough. A {@code sqlite4java.library.path}
 * system property, if someone sets one, is still honoured by sqlite4java.
 *
 * <p>Thread-safe: the server handles concurrent requests; {@link #close()} is idempotent.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private boolean closed;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** Starts a fresh in-memory database; telemetry is off, as the machine may have no way out. */
    public static EmbeddedDynamoDb start() {
        try {
            // The command line refuses port 0, so a placeholder is given and the connector is
            // re-pointed at port 0 below: the kernel then picks a free port with no race.
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-disableTelemetry", "-port", "8000"});
            InetAddress loopback = InetAddress.getLoopbackAddress();
            ServerConnector connector = loopbackConnector(server, loopback);
            server.start();
            URI endpoint = URI.create("http://" + loopback.getHostAddress() + ":" + connector.getLocalPort());
            return new EmbeddedDynamoDb(server, endpoint);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start: " + e.getMessage(), e);
        }
    }

    /**
     * DynamoDB Local listens on every interface and offers no option against it; a test
     * database has no business being reachable from the network, so its one Jetty connector is
     * bound to the loopback address before it starts.
     */
    private static ServerConnector loopbackConnector(DynamoDBProxyServer proxy, InetAddress loopback)
            throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        Connector[] connectors = jetty.getConnectors();
        if (connectors.length != 1 || !(connectors[0] instanceof ServerConnector connector)) {
            throw new IllegalStateException("unexpected DynamoDB Local connectors; cannot bind it to loopback only");
        }
        connector.setHost(loopback.getHostAddress());
        connector.setPort(0);
        return connector;
    }

    /** Where to point a {@code DynamoDbClient} ({@code endpointOverride}). */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }
}
