package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local SES: a loopback HTTP server speaking the SES v2 REST JSON API where the SDK's {@code
 * SesV2Client} calls it — {@code CreateEmailIdentity}, {@code GetEmailIdentity} and {@code
 * SendEmail} — plus {@code GET /mail}, every sent mail as JSON, for people and tests. Like SES,
 * it refuses mail from a sender that is not a verified identity (the address or its domain);
 * unlike SES, an identity is verified as soon as it is created. Each accepted mail is kept in
 * memory and written as an {@code .eml} file to the mail folder. Requests are not authenticated.
 *
 * <p>Thread-safe. {@link #start} binds a free port; {@link #close()} stops serving and keeps
 * the files.
 */
public final class SesStandIn implements Mailbox, AutoCloseable {

    private static final String IDENTITIES = "/v2/email/identities";
    private static final String OUTBOUND = "/v2/email/outbound-emails";

    private final HttpExchanges.Server server;
    private final MailFolder folder;
    private final Clock clock;
    private final String region;
    private final Set<String> identities = ConcurrentHashMap.newKeySet();
    private final List<SentMail> sent = new CopyOnWriteArrayList<>();

    private SesStandIn(Path mailFolder, String region, Clock clock) {
        this.folder = new MailFolder(mailFolder);
        this.region = region;
        this.clock = clock;
        this.server = HttpExchanges.loopbackServer("ses-stand-in");
        server.http().createContext("/", this::handle);
        server.http().start();
    }

    /** Starts serving on a free loopback port, writing mail files under {@code mailFolder}. */
    public static SesStandIn start(Path mailFolder, String region, Clock clock) {
        return new SesStandIn(mailFolder, region, clock);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public Path mailFolder() {
        return folder.folder();
    }

    @Override
    public List<SentMail> sent() {
        return List.copyOf(sent);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            if (method.equals("GET") && path.equals("/mail")) {
                HttpExchanges.sendJson(exchange, 200, "application/json", sent);
            } else if (method.equals("POST") && path.equals(OUTBOUND)) {
                reply(exchange, sendEmail(HttpExchanges.JSON.readTree(HttpExchanges.body(exchange))));
            } else if (method.equals("POST") && path.equals(IDENTITIES)) {
                reply(exchange, createIdentity(HttpExchanges.JSON.readTree(HttpExchanges.body(exchange))));
            } else if (method.equals("GET") && path.startsWith(IDENTITIES + "/")) {
                reply(exchange, getIdentity(URLDecoder.decode(path.substring(IDENTITIES.length() + 1), StandardCharsets.UTF_8)));
            } else {
                throw new AwsServiceError("NotFoundException", "The SES stand-in has no " + method + " " + path + ".", 404);
            }
        } catch (AwsServiceError error) {
            sendError(exchange, error.status(), error.code(), error.getMessage());
        } catch (IOException malformed) {
            sendError(exchange, 400, "BadRequestException", "The request body is not valid JSON.");
        } catch (RuntimeException bug) {
            sendError(exchange, 500, "InternalFailure", String.valueOf(bug));
        } finally {
            exchange.close();
        }
    }

    private JsonNode sendEmail(JsonNode request) {
        SentMail mail = SesSendRequest.read(request, messageId(), clock.instant());
        String sender = SesSendRequest.address(mail.from());
        if (!isVerified(sender)) {
            throw new AwsServiceError("MessageRejected", "Email address is not verified. The following identities "
                    + "failed the check in region " + region.toUpperCase(Locale.ROOT) + ": " + sender);
        }
        folder.write(mail);
        sent.add(mail);
        return object().put("MessageId", mail.messageId());
    }

    private JsonNode createIdentity(JsonNode request) {
        String identity = request.path("EmailIdentity").asText("").toLowerCase(Locale.ROOT);
        if (identity.isEmpty()) {
            throw new AwsServiceError("BadRequestException", "EmailIdentity is required.");
        }
        if (!identities.add(identity)) {
            throw new AwsServiceError("AlreadyExistsException", "Email identity " + identity + " already exists.");
        }
        return object().put("IdentityType", type(identity)).put("VerifiedForSendingStatus", true);
    }

    private JsonNode getIdentity(String identity) {
        String key = identity.toLowerCase(Locale.ROOT);
        if (!identities.contains(key)) {
            throw new AwsServiceError("NotFoundException", "Email identity " + identity + " does not exist.", 404);
        }
        return object().put("IdentityType", type(key)).put("VerifiedForSendingStatus", true)
                .put("VerificationStatus", "SUCCESS").put("FeedbackForwardingStatus", true);
    }

    private boolean isVerified(String address) {
        int at = address.lastIndexOf('@');
        return identities.contains(address) || (at >= 0 && identities.contains(address.substring(at + 1)));
    }

    private static String type(String identity) {
        return identity.contains("@") ? "EMAIL_ADDRESS" : "DOMAIN";
    }

    private static String messageId() {
        // SES ids are opaque; this keeps their look (hex, dashes, a trailing counter).
        return "0100" + UUID.randomUUID() + "-000000";
    }

    private static void reply(HttpExchange exchange, JsonNode body) throws IOException {
        HttpExchanges.sendJson(exchange, 200, "application/json", body);
    }

    private static void sendError(HttpExchange exchange, int status, String code, String message) throws IOException {
        // REST JSON services name the error in this header; the SDK maps it to its exception class.
        exchange.getResponseHeaders().set("x-amzn-ErrorType", code);
        HttpExchanges.sendJson(exchange, status, "application/json", object().put("message", message));
    }

    private static ObjectNode object() {
        return HttpExchanges.JSON.createObjectNode();
    }

    @Override
    public void close() {
        server.stop();
    }
}
