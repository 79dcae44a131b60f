package io.crmflow.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Helpers shared by the loopback HTTP servers of the local stack. Stateless. */
final class HttpExchanges {

    /** Strict about trailing text, so that "{} junk" is malformed as it is for AWS. */
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private HttpExchanges() {
    }

    /**
     * A server on a free loopback port with its own small thread pool. The JDK default runs
     * every exchange on one dispatcher thread, so one slow handler would stall every client.
     */
    static Server loopbackServer(String threadName) {
        return loopbackServer(threadName, 0);
    }

    /** @param port the loopback port to listen on; 0 for any free one */
    static Server loopbackServer(String threadName, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, threadName);
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            return new Server(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback port " + port
                    + (port == 0 ? "" : " (is something else using it? choose another with --port)"), e);
        }
    }

    /** A JDK server and the pool it runs on, stopped together. */
    record Server(HttpServer http, ExecutorService executor) {
        int port() {
            return http.getAddress().getPort();
        }

        void stop() {
            http.stop(0);
            executor.shutdownNow();
        }
    }

    static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        // -1 tells the JDK server there is no body at all, which HTTP requires for 204 and 304.
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void sendJson(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
        send(exchange, status, contentType, JSON.writeValueAsBytes(body));
    }
}
