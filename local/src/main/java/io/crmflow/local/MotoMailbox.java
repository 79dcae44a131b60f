package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail moto_server has accepted, read from its {@code GET /moto-api/data.json} (every
 * model instance moto tracks, by service and class). SES v1 and v2 sends both land in moto's
 * SES backend, as {@code ses.Message} ({@code id, source, subject, body, destinations}) for
 * simple mail and {@code ses.RawMessage} ({@code id, source, destinations, raw_data}) for raw
 * MIME. moto keeps less than SES was told: one body (the HTML one when both were sent), no
 * tags, no reply-to, no time. Thread-safe; every call reads moto afresh.
 */
public final class MotoMailbox implements Mailbox {

    private static final Pattern SUBJECT_HEADER = Pattern.compile("(?im)^Subject:\\s*(.*)$");
    private static final Pattern MARKUP = Pattern.compile("(?s)^\\s*<.*>\\s*$");

    private final URI dataUri;
    private final HttpClient http = HttpClient.newHttpClient();

    public MotoMailbox(URI motoEndpoint) {
        this.dataUri = motoEndpoint.resolve("/moto-api/data.json");
    }

    @Override
    public List<SentMail> sent() {
        JsonNode ses = read().path("ses");
        List<SentMail> mails = new ArrayList<>();
        ses.path("Message").forEach(message -> mails.add(simple(message)));
        ses.path("RawMessage").forEach(message -> mails.add(raw(message)));
        return mails;
    }

    private static SentMail simple(JsonNode message) {
        JsonNode destinations = message.path("destinations");
        String body = message.path("body").asText(null);
        boolean html = body != null && MARKUP.matcher(body).matches();
        return new SentMail(message.path("id").asText(), message.path("source").asText(),
                strings(destinations.path("ToAddresses")), strings(destinations.path("CcAddresses")),
                strings(destinations.path("BccAddresses")), List.of(), message.path("subject").asText(""),
                html ? null : body, html ? body : null, Map.of(), null);
    }

    private static SentMail raw(JsonNode message) {
        String mime = message.path("raw_data").asText("");
        Matcher subject = SUBJECT_HEADER.matcher(mime);
        // moto lists a raw mail's recipients together, without saying which were cc or bcc.
        return new SentMail(message.path("id").asText(), message.path("source").asText(),
                strings(message.path("destinations")), List.of(), List.of(), List.of(),
                subject.find() ? subject.group(1).trim() : "", mime, null, Map.of(), null);
    }

    private JsonNode read() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(dataUri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(dataUri + " answered " + response.statusCode());
            }
            return HttpExchanges.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataUri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + dataUri, e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
