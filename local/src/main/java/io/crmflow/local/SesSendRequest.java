package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the body of an SES v2 SendEmail request ({@code POST /v2/email/outbound-emails}) into a
 * {@link SentMail}, refusing what SES refuses before looking at identities. Stateless.
 */
final class SesSendRequest {

    private static final Pattern ANGLE_ADDRESS = Pattern.compile("<([^>]+)>");
    private static final Pattern SUBJECT_HEADER = Pattern.compile("(?im)^Subject:\\s*(.*)$");

    private SesSendRequest() {
    }

    static SentMail read(JsonNode request, String messageId, Instant now) {
        String from = request.path("FromEmailAddress").asText("");
        if (from.isEmpty()) {
            throw new AwsServiceError("BadRequestException", "FromEmailAddress is required.");
        }
        JsonNode destination = request.path("Destination");
        List<String> to = strings(destination.path("ToAddresses"));
        List<String> cc = strings(destination.path("CcAddresses"));
        List<String> bcc = strings(destination.path("BccAddresses"));
        JsonNode content = request.path("Content");
        Map<String, String> tags = new LinkedHashMap<>();
        request.path("EmailTags").forEach(tag -> tags.put(tag.path("Name").asText(), tag.path("Value").asText()));
        List<String> replyTo = strings(request.path("ReplyToAddresses"));
        if (content.has("Simple")) {
            JsonNode simple = content.get("Simple");
            requireRecipients(to, cc, bcc);
            return new SentMail(messageId, from, to, cc, bcc, replyTo, simple.path("Subject").path("Data").asText(""),
                    data(simple.path("Body").path("Text")), data(simple.path("Body").path("Html")), tags, now);
        }
        if (content.has("Raw")) {
            String mime = new String(Base64.getMimeDecoder().decode(content.path("Raw").path("Data").asText("")),
                    StandardCharsets.UTF_8);
            Matcher subject = SUBJECT_HEADER.matcher(mime);
            return new SentMail(messageId, from, to, cc, bcc, replyTo, subject.find() ? subject.group(1).trim() : "",
                    mime, null, tags, now);
        }
        if (content.has("Template")) {
            // No templates can be created here, so any name is as unknown as it would be in a fresh SES account.
            throw new AwsServiceError("NotFoundException",
                    "Template " + content.path("Template").path("TemplateName").asText() + " does not exist.", 404);
        }
        throw new AwsServiceError("BadRequestException", "Content must have Simple, Raw or Template.");
    }

    /** The bare address of {@code a@b.c} or {@code "Name" <a@b.c>}, lower-cased as SES compares them. */
    static String address(String mailbox) {
        Matcher angle = ANGLE_ADDRESS.matcher(mailbox);
        return (angle.find() ? angle.group(1) : mailbox).trim().toLowerCase(Locale.ROOT);
    }

    private static void requireRecipients(List<String> to, List<String> cc, List<String> bcc) {
        if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
            throw new AwsServiceError("BadRequestException", "Destination must have at least one recipient.");
        }
        if (to.size() + cc.size() + bcc.size() > 50) {
            throw new AwsServiceError("MessageRejected", "Recipient count exceeds 50.");
        }
    }

    private static String data(JsonNode part) {
        return part.hasNonNull("Data") ? part.get("Data").asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
