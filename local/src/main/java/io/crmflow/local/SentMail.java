package io.crmflow.local;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One email as the mail service accepted it. Immutable.
 *
 * @param textBody the plain-text body, or null if the mail had none
 * @param htmlBody the HTML body, or null if the mail had none
 * @param tags     the SES message tags, empty where the service does not keep them
 * @param sentAt   when it was accepted, or null where the service does not record it (moto)
 */
public record SentMail(String messageId, String from, List<String> to, List<String> cc, List<String> bcc,
                       List<String> replyTo, String subject, String textBody, String htmlBody,
                       Map<String, String> tags, Instant sentAt) {

    public SentMail {
        Objects.requireNonNull(messageId, "messageId");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        replyTo = List.copyOf(replyTo);
        tags = Map.copyOf(tags);
    }

    /** The text body if there is one, otherwise the HTML body: what a reader would see. */
    public String body() {
        return textBody != null ? textBody : htmlBody;
    }

    /** Every recipient: to, cc and bcc. */
    public List<String> recipients() {
        return Stream.of(to, cc, bcc).flatMap(List::stream).toList();
    }
}
