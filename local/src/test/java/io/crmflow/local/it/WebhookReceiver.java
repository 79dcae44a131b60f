package io.crmflow.local.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.crmflow.json.Json;
import io.crmflow.outbound.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook target on the loopback address that keeps every body posted to it and answers 200. */
final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<JsonNode> posts = new CopyOnWriteArrayList<>();
    private final List<Signed> signed = new CopyOnWriteArrayList<>();

    /** A post as it came: its signature header and its body, byte for byte, which the signature covers. */
    record Signed(String signature, String body) {
    }

    private WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the loopback address", e);
        }
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            signed.add(new Signed(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body));
            posts.add(Json.tree(body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    static WebhookReceiver start() {
        return new WebhookReceiver();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<JsonNode> posts() {
        return List.copyOf(posts);
    }

    List<Signed> signed() {
        return List.copyOf(signed);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
