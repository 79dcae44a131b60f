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
 * tags, no reply-to, no time.
 *
 * <p>moto builds that dump from every object it has made since it started — each item version
 * and message of every stack the run provisioned — so one read takes longer the longer a run
 * goes, seconds late in a test suite that polls the mailbox. The dump is read again only when
 * moto's count of sent mail ({@code GetSendQuota}'s {@code SentLast24Hours}, which every send
 * raises by its recipients) has moved since the last read. So a mailbox serves one moto lifetime:
 * after {@code /moto-api/reset} the count starts again, and a new mailbox is wanted (the local
 * stack makes one per stack). moto raises the count of a raw send before it keeps the message,
 * so a raw mail read at that instant is seen at the next send; crmflow sends simple mail, to at
 * least one recipient. Thread-safe.
 */
public final class MotoMailbox implements Mailbox {

    private static final Pattern SUBJECT_HEADER = Pattern.compile("(?im)^Subject:\\s*(.*)$");
    private static final Pattern MARKUP = Pattern.compile("(?s)^\\s*<.*>\\s*$");

    private static final Pattern SENT_COUNT = Pattern.compile("<SentLast24Hours>([0-9.]+)</SentLast24Hours>");
    /**
     * moto routes a request by the service its signature names and does not check the signature:
     * the SDK has no SES v1 client here, and this one call needs none.
     */
    private static final String SES_V1_AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=local/20260101/"
            + LocalStack.REGION + "/ses/aws4_request, SignedHeaders=host, Signature=0";

    private final URI endpoint;
    private final URI dataUri;
    private final HttpClient http = HttpClient.newHttpClient();
    private String countRead;
    private List<SentMail> mailRead = List.of();

    public MotoMailbox(URI motoEndpoint) {
        this.endpoint = motoEndpoint;
        this.dataUri = motoEndpoint.resolve("/moto-api/data.json");
    }

    @Override
    public synchronized List<SentMail> sent() {
        // Read before the dump: mail sent in between is in the dump, and the next call reads again.
        String count = sentCount();
        if (!count.equals(countRead)) {
            JsonNode ses = read(HttpRequest.newBuilder(dataUri).GET().build()).path("ses");
            List<SentMail> mails = new ArrayList<>();
            ses.path("Message").forEach(message -> mails.add(simple(message)));
            ses.path("RawMessage").forEach(message -> mails.add(raw(message)));
            mailRead = List.copyOf(mails);
            countRead = count;
        }
        return mailRead;
    }

    private String sentCount() {
        HttpRequest quota = HttpRequest.newBuilder(endpoint.resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", SES_V1_AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetSendQuota&Version=2010-12-01")).build();
        String answer = send(quota);
        Matcher count = SENT_COUNT.matcher(answer);
        if (!count.find()) {
            throw new IllegalStateException(endpoint + " answered GetSendQuota without SentLast24Hours: " + answer);
        }
        return count.group(1);
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

    private JsonNode read(HttpRequest request) {
        try {
            return HttpExchanges.JSON.readTree(send(request));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + request.uri(), e);
        }
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + request.uri(), e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
