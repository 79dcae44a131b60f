package io.crmflow.simulate;

import io.crmflow.outbound.Mailer;
import io.crmflow.outbound.OutgoingEmail;
import io.crmflow.outbound.OutgoingText;
import io.crmflow.outbound.TextChannel;
import io.crmflow.outbound.WebhookPost;
import io.crmflow.outbound.WebhookResult;
import io.crmflow.outbound.Webhooks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a simulation's email, webhooks and texts go instead of out: each is kept with the
 * simulated time it would have left, and answered as a provider that accepts everything would
 * answer — an id for an email or a text, a 200 for a webhook. The ids are the simulation's own
 * ({@link #IDS}), so the history line that records one names what it sent. Not thread-safe.
 */
final class OutgoingRecorder implements Mailer, Webhooks, TextChannel {
    /** The ids this recorder hands out, as they appear in a history line. */
    static final Pattern IDS = Pattern.compile("simulated-(email|text)-\\d+");

    record Email(String id, Instant at, OutgoingEmail email) {
    }

    record Text(String id, Instant at, OutgoingText text) {
    }

    record Post(Instant at, WebhookPost post) {
    }

    private final Clock clock;
    private final List<Email> emails = new ArrayList<>();
    private final List<Text> texts = new ArrayList<>();
    private final List<Post> posts = new ArrayList<>();

    OutgoingRecorder(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String send(OutgoingEmail email) {
        String id = "simulated-email-" + (emails.size() + 1);
        emails.add(new Email(id, clock.instant(), email));
        return id;
    }

    @Override
    public String send(OutgoingText text) {
        String id = "simulated-text-" + (texts.size() + 1);
        texts.add(new Text(id, clock.instant(), text));
        return id;
    }

    @Override
    public WebhookResult post(WebhookPost post) {
        posts.add(new Post(clock.instant(), post));
        return new WebhookResult.Delivered(200, 1);
    }

    List<Email> emails() {
        return List.copyOf(emails);
    }

    List<Text> texts() {
        return List.copyOf(texts);
    }

    List<Post> posts() {
        return List.copyOf(posts);
    }
}
