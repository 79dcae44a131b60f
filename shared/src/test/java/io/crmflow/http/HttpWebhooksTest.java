package io.crmflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.crmflow.json.Json;
import io.crmflow.outbound.WebhookPayload;
import io.crmflow.outbound.WebhookPost;
import io.crmflow.outbound.WebhookResult;
import io.crmflow.outbound.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import io.crmflow.testing.ReadingClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Delivery against a real HTTP receiver on 127.0.0.1 (so these posts allow private targets,
 * except where the refusal is the point). Waits between attempts move a clock; nothing sleeps.
 */
@DisplayName("R-WF-4 webhook delivery: signed posts, retries on 429/5xx honouring Retry-After, a time limit")
class HttpWebhooksTest {
    private static final String SECRET = "whsec-0123456789abcdef0123456789abcdef";
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final WebhookLimits LIMITS = new WebhookLimits(Duration.ofSeconds(5), Duration.ofSeconds(15), 5,
            Duration.ofSeconds(1), Duration.ofSeconds(8));
    private static final WebhookPayload PAYLOAD = new WebhookPayload("hooks~contact~c1#1", "acme", "hooks",
            "hooks~contact~c1", new WebhookPayload.Step("hook", 1),
            new WebhookPayload.EnrolledRecord("contact", "c1", Map.of("firstname", "Ada")), START);

    private Instant now = START;
    private final List<Duration> waits = new ArrayList<>();
    private final Clock clock = new ReadingClock(() -> now);
    private final Sleeper sleeper = d -> {
        waits.add(d);
        now = now.plus(d);
    };
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private Receiver receiver(Receiver.Answer... answers) {
        Receiver r = new Receiver(answers);
        closing.add(r);
        return r;
    }

    private HttpWebhooks webhooks(WebhookLimits limits, Resolver resolver) {
        return new HttpWebhooks(resolver, sleeper, clock, limits);
    }

    private WebhookResult post(String url, boolean allowPrivate) {
        return webhooks(LIMITS, Resolver.DNS).post(new WebhookPost(url, PAYLOAD, SECRET, allowPrivate));
    }

    private static Receiver.Answer retryAfter(int status, String value) {
        return new Receiver.Answer(status, Map.of("Retry-After", value));
    }

    @Test
    void post_2xx_isDeliveredOnce_asSignedJsonWithTheDeliveryId() {
        Receiver r = receiver(Receiver.Answer.status(204));

        assertThat(post(r.url("/hook?token=abc"), true)).isEqualTo(new WebhookResult.Delivered(204, 1));

        assertThat(r.received).singleElement().satisfies(got -> {
            assertThat(got.method()).isEqualTo("POST");
            assertThat(got.headers().getFirst("Content-Type")).startsWith("application/json");
            assertThat(got.headers().getFirst("X-Crmflow-Delivery")).isEqualTo("hooks~contact~c1#1");
            String signature = got.headers().getFirst("X-Crmflow-Signature");
            assertThat(signature).startsWith("t=" + START.getEpochSecond() + ",v1=");
            assertThat(WebhookSignature.verify(SECRET, signature, got.body())).isTrue();
            assertThat(Json.read(got.body(), WebhookPayload.class)).isEqualTo(PAYLOAD);
        });
        assertThat(waits).isEmpty();
    }

    @Test
    void post_503Then200_isRetriedAfterTheFirstBackoff() {
        Receiver r = receiver(Receiver.Answer.status(503), Receiver.Answer.status(200));

        assertThat(post(r.url("/hook"), true)).isEqualTo(new WebhookResult.Delivered(200, 2));

        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(r.received).extracting(got -> got.headers().getFirst("X-Crmflow-Delivery"))
                .containsExactly("hooks~contact~c1#1", "hooks~contact~c1#1");
        assertThat(r.received.get(1).headers().getFirst("X-Crmflow-Signature"))
                .as("each attempt is signed at its own time").startsWith("t=" + (START.getEpochSecond() + 1) + ",");
    }

    @Test
    void post_429WithRetryAfterSeconds_waitsThatLong() {
        Receiver r = receiver(retryAfter(429, "7"), Receiver.Answer.status(200));

        assertThat(post(r.url("/hook"), true)).isEqualTo(new WebhookResult.Delivered(200, 2));

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void post_429WithRetryAfterHttpDate_waitsUntilThatDate() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(START.plusSeconds(10).atOffset(ZoneOffset.UTC));
        Receiver r = receiver(retryAfter(429, inTenSeconds), Receiver.Answer.status(201));

        assertThat(post(r.url("/hook"), true)).isEqualTo(new WebhookResult.Delivered(201, 2));

        assertThat(waits).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void post_404_isNotRetried() {
        Receiver r = receiver(Receiver.Answer.status(404), Receiver.Answer.status(200));

        WebhookResult result = post(r.url("/hook"), true);

        assertThat(result).isInstanceOfSatisfying(WebhookResult.NotDelivered.class, nd -> {
            assertThat(nd.attempts()).isEqualTo(1);
            assertThat(nd.reason()).isEqualTo("the receiver answered HTTP 404; not retried (1 attempt)");
        });
        assertThat(r.received).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void post_redirect_isNotFollowed() {
        Receiver r = receiver(new Receiver.Answer(307, Map.of("Location", "http://169.254.169.254/latest/meta-data")));

        assertThat(post(r.url("/hook"), true)).isInstanceOfSatisfying(WebhookResult.NotDelivered.class,
                nd -> assertThat(nd.reason()).contains("HTTP 307", "do not follow redirects"));
        assertThat(r.received).hasSize(1);
    }

    @Test
    void post_failingUntilTheTimeLimit_stopsBeforeAWaitWouldPassIt() {
        Receiver r = receiver(Receiver.Answer.status(503));

        WebhookResult result = post(r.url("/hook"), true);

        // Attempts at 0, 1, 3 and 7 s; the next would be at 15 s, the end of the time limit.
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(result).isInstanceOfSatisfying(WebhookResult.NotDelivered.class, nd -> {
            assertThat(nd.attempts()).isEqualTo(4);
            assertThat(nd.reason()).isEqualTo("the receiver answered HTTP 503; the next attempt would be due in 8 s, "
                    + "past the 15 s time limit (4 attempts)");
        });
        assertThat(r.received).hasSize(4);
    }

    @Test
    void post_retryAfterLongerThanWhatIsLeft_stopsAtOnceAndSaysSo() {
        Receiver r = receiver(retryAfter(429, "120"), Receiver.Answer.status(200));

        WebhookResult result = post(r.url("/hook"), true);

        assertThat(result).isInstanceOfSatisfying(WebhookResult.NotDelivered.class, nd -> {
            assertThat(nd.attempts()).isEqualTo(1);
            assertThat(nd.reason()).isEqualTo("the receiver answered HTTP 429; the next attempt would be due in 120 s "
                    + "(its Retry-After), past the 15 s time limit (1 attempt)");
        });
        assertThat(waits).isEmpty();
    }

    @Test
    void post_alwaysFailingFast_stopsAtTheMostAttempts() {
        Receiver r = receiver(Receiver.Answer.status(500));
        var limits = new WebhookLimits(Duration.ofSeconds(5), Duration.ofMinutes(10), 3, Duration.ofSeconds(1),
                Duration.ofSeconds(8));

        WebhookResult result = webhooks(limits, Resolver.DNS).post(new WebhookPost(r.url("/hook"), PAYLOAD, SECRET,
                true));

        assertThat(result).isEqualTo(new WebhookResult.NotDelivered(
                "no 2xx answer (3 attempts); the last: the receiver answered HTTP 500", 3));
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void post_receiverUnreachable_isRetriedLikeA5xx() throws IOException {
        int port;
        try (var closed = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort(); // nothing listens there once it is closed
        }

        WebhookResult result = post("http://127.0.0.1:" + port + "/hook", true);

        assertThat(result).isInstanceOfSatisfying(WebhookResult.NotDelivered.class, nd -> {
            assertThat(nd.attempts()).isEqualTo(4);
            assertThat(nd.reason()).startsWith("the receiver could not be reached (ConnectException");
        });
        assertThat(waits).hasSize(3);
    }

    @Test
    void post_receiverSilentPastTheRequestTimeout_isANoAnswer() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silent.createContext("/", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        closing.add(() -> {
            release.countDown();
            silent.stop(0);
        });
        var oneQuickAttempt = new WebhookLimits(Duration.ofMillis(200), Duration.ofSeconds(15), 1, Duration.ofSeconds(1),
                Duration.ofSeconds(8));

        WebhookResult result = webhooks(oneQuickAttempt, Resolver.DNS).post(new WebhookPost(
                "http://127.0.0.1:" + silent.getAddress().getPort() + "/hook", PAYLOAD, SECRET, true));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.NotDelivered.class,
                nd -> assertThat(nd.reason()).startsWith("no 2xx answer (1 attempt); the last: no answer in time"));
    }

    @Test
    void post_loopbackTargetWithoutPermission_isRefusedBeforeAnyRequest() {
        Receiver r = receiver(Receiver.Answer.status(200));
        String https = r.url("/hook").replace("http://", "https://");

        assertThat(post(https, false)).isInstanceOfSatisfying(WebhookResult.NotDelivered.class, nd -> {
            assertThat(nd.attempts()).isZero();
            assertThat(nd.reason()).isEqualTo("host '127.0.0.1' resolves to 127.0.0.1 is a loopback address "
                    + "(127.0.0.0/8), and the tenant does not allow private targets");
        });
        assertThat(r.received).isEmpty();
    }

    @Test
    void post_hostWithAnyRefusedAddress_isRefused_IPv4AndIPv6() {
        Map<String, String[]> dns = Map.of(
                "mixed.example.test", new String[] {"93.184.215.14", "10.0.0.1"},
                "v6.example.test", new String[] {"2606:4700::6810:84e5", "fe80::1"},
                "metadata.example.test", new String[] {"169.254.169.254"});
        Resolver fake = host -> {
            List<InetAddress> out = new ArrayList<>();
            for (String a : dns.getOrDefault(host, new String[0])) {
                out.add(InetAddress.getByName(a));
            }
            if (out.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return out.toArray(InetAddress[]::new);
        };
        HttpWebhooks webhooks = webhooks(LIMITS, fake);

        assertThat(reason(webhooks, "https://mixed.example.test/hook")).contains("10.0.0.1 is a private address (10.0.0.0/8)");
        assertThat(reason(webhooks, "https://v6.example.test/hook")).contains("fe80:0:0:0:0:0:0:1 is a link-local address");
        assertThat(reason(webhooks, "https://metadata.example.test/hook")).contains("169.254.169.254 is a link-local address");
        assertThat(reason(webhooks, "https://nowhere.example.test/hook")).isEqualTo("host 'nowhere.example.test' does not resolve");
    }

    private static String reason(HttpWebhooks webhooks, String url) {
        WebhookResult result = webhooks.post(new WebhookPost(url, PAYLOAD, SECRET, false));
        assertThat(result.attempts()).as(url).isZero();
        return ((WebhookResult.NotDelivered) result).reason();
    }

    @Test
    void post_plainHttpWithoutPermission_isRefused() {
        Receiver r = receiver(Receiver.Answer.status(200));

        assertThat(post(r.url("/hook"), false)).isInstanceOfSatisfying(WebhookResult.NotDelivered.class,
                nd -> assertThat(nd.reason()).contains("plain http"));
        assertThat(r.received).isEmpty();
    }
}
