package io.crmflow.http;

import io.crmflow.json.Json;
import io.crmflow.outbound.TargetAddresses;
import io.crmflow.outbound.WebhookPost;
import io.crmflow.outbound.WebhookResult;
import io.crmflow.outbound.WebhookSignature;
import io.crmflow.outbound.WebhookTargets;
import io.crmflow.outbound.Webhooks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Delivers webhooks with the JDK's HTTP client. Each attempt is signed afresh (the signature's
 * time is the attempt's) and carries the same delivery id. A 2xx answer is delivered; 429, 5xx
 * and failures to connect or to get an answer are retried after the receiver's
 * {@code Retry-After}, or else a doubling backoff; any other answer is final — redirects
 * included, which are never followed, since a redirect could lead to an address that was never
 * checked. All of it within {@link WebhookLimits#timeLimit()}: a wait that would pass it ends
 * the delivery at once, reported.
 *
 * <p>Unless the tenant allows private targets, the target must be https and every address its
 * host resolves to is checked against {@link TargetAddresses} before each attempt. The client
 * then resolves the host again to connect: a name whose answer changes in between (DNS
 * rebinding) is not caught — see docs/workflows.md.
 *
 * <p>Thread-safe: the client is shared, each delivery keeps its state on the stack.
 */
public final class HttpWebhooks implements Webhooks {
    private static final String USER_AGENT = "crmflow-webhooks/1";
    private final HttpClient client;
    private final Resolver resolver;
    private final Sleeper sleeper;
    private final Clock clock;
    private final WebhookLimits limits;

    /**
     * @param clock the process's real time: the time limit bounds how long the function runs,
     *              and the signature's time is checked by the receiver against its own clock
     */
    public HttpWebhooks(Resolver resolver, Sleeper sleeper, Clock clock, WebhookLimits limits) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.resolver = resolver;
        this.sleeper = sleeper;
        this.clock = clock;
        this.limits = limits;
    }

    /** DNS, real waits and the default limits. */
    public static HttpWebhooks standard(Clock clock) {
        return new HttpWebhooks(Resolver.DNS, Sleeper.REAL, clock, WebhookLimits.DEFAULTS);
    }

    @Override
    public WebhookResult post(WebhookPost post) {
        URI uri;
        try {
            uri = WebhookTargets.uri(post.url(), post.allowPrivateTargets());
        } catch (IllegalArgumentException refused) {
            return new WebhookResult.NotDelivered(refused.getMessage(), 0);
        }
        String body = Json.write(post.payload());
        Instant deadline = clock.instant().plus(limits.timeLimit());
        int attempts = 0;
        while (true) {
            if (!post.allowPrivateTargets()) {
                Optional<String> refusal = refusal(uri.getHost());
                if (refusal.isPresent()) {
                    return new WebhookResult.NotDelivered(refusal.get(), attempts);
                }
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return new WebhookResult.NotDelivered("the " + seconds(limits.timeLimit()) + " time limit ran out", attempts);
            }
            attempts++;
            Attempt attempt = send(uri, body, post, min(limits.requestTimeout(), left));
            if (attempt.delivered()) {
                return new WebhookResult.Delivered(attempt.status(), attempts);
            }
            if (!attempt.retryable()) {
                return new WebhookResult.NotDelivered(attempt.why() + "; not retried" + times(attempts), attempts);
            }
            if (attempts >= limits.maxAttempts()) {
                return new WebhookResult.NotDelivered("no 2xx answer" + times(attempts) + "; the last: " + attempt.why(),
                        attempts);
            }
            Duration wait = attempt.retryAfter().orElse(limits.backoff(attempts));
            left = Duration.between(clock.instant(), deadline);
            if (wait.compareTo(left) >= 0) {
                return new WebhookResult.NotDelivered(attempt.why() + "; the next attempt would be due in " + seconds(wait)
                        + (attempt.retryAfter().isPresent() ? " (its Retry-After)" : "") + ", past the "
                        + seconds(limits.timeLimit()) + " time limit" + times(attempts), attempts);
            }
            pause(wait);
        }
    }

    /** Why the host may not be a target: one of its addresses is refused, or it has none. */
    private Optional<String> refusal(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = TargetAddresses.refusal(address);
            if (why.isPresent()) {
                return Optional.of("host '" + host + "' resolves to " + why.get()
                        + ", and the tenant does not allow private targets");
            }
        }
        return Optional.empty();
    }

    private Attempt send(URI uri, String body, WebhookPost post, Duration timeout) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", USER_AGENT)
                    .header(WebhookSignature.DELIVERY_HEADER, post.deliveryId())
                    .header(WebhookSignature.HEADER,
                            WebhookSignature.header(post.signingSecret(), clock.instant().getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        } catch (IllegalArgumentException unusable) {
            return new Attempt(-1, "the URL cannot be requested (" + unusable.getMessage() + ")", Optional.empty());
        }
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return Attempt.answered(response.statusCode(),
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant()));
        } catch (IOException e) {
            return Attempt.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The request may have reached the receiver: not knowing, the effect ledger keeps the claim.
            throw new IllegalStateException("interrupted while posting a webhook to " + uri.getHost(), e);
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between webhook attempts", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String times(int attempts) {
        return " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)");
    }

    /** One request's outcome: an answer's status, no answer at all (0), or no request possible (-1). */
    private record Attempt(int status, String why, Optional<Duration> retryAfter) {
        static Attempt answered(int status, Optional<Duration> retryAfter) {
            String why = "the receiver answered HTTP " + status;
            if (status >= 300 && status < 400) {
                why += " (a redirect; webhooks do not follow redirects, so give the final URL)";
            }
            return new Attempt(status, why, retryAfter);
        }

        static Attempt failed(IOException e) {
            String what = e instanceof java.net.http.HttpTimeoutException ? "no answer in time" : "the receiver could not be reached";
            return new Attempt(0, what + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", Optional.empty());
        }

        boolean delivered() {
            return status >= 200 && status < 300;
        }

        boolean retryable() {
            return status == 0 || status == 429 || status >= 500 && status < 600;
        }
    }
}
