package io.crmflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes each sent mail as a readable {@code .eml} file (RFC 5322 headers, a MIME body) that a
 * person can open in a mail client or read as text. Bcc stays in the headers: these files are
 * for the people testing, not for delivery. Thread-safe: every mail gets its own file.
 */
final class MailFolder {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path folder;

    MailFolder(Path folder) {
        try {
            this.folder = Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the mail folder " + folder, e);
        }
    }

    Path folder() {
        return folder;
    }

    Path write(SentMail mail) {
        Path file = folder.resolve(FILE_TIME.format(mail.sentAt()) + "-" + mail.messageId() + ".eml");
        try {
            return Files.writeString(file, render(mail));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String render(SentMail mail) {
        StringBuilder eml = new StringBuilder();
        header(eml, "Message-ID", "<" + mail.messageId() + "@ses.local>");
        header(eml, "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(mail.sentAt().atOffset(ZoneOffset.UTC)));
        header(eml, "From", mail.from());
        header(eml, "To", mail.to());
        header(eml, "Cc", mail.cc());
        header(eml, "Bcc", mail.bcc());
        header(eml, "Reply-To", mail.replyTo());
        header(eml, "Subject", mail.subject());
        for (Map.Entry<String, String> tag : mail.tags().entrySet()) {
            header(eml, "X-SES-Message-Tag", tag.getKey() + "=" + tag.getValue());
        }
        eml.append("MIME-Version: 1.0\r\n");
        if (mail.textBody() != null && mail.htmlBody() != null) {
            String boundary = "alt-" + mail.messageId();
            eml.append("Content-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\r\n\r\n");
            part(eml, boundary, "text/plain", mail.textBody());
            part(eml, boundary, "text/html", mail.htmlBody());
            eml.append("--").append(boundary).append("--\r\n");
        } else {
            String type = mail.htmlBody() != null ? "text/html" : "text/plain";
            String body = mail.htmlBody() != null ? mail.htmlBody() : mail.textBody() == null ? "" : mail.textBody();
            eml.append("Content-Type: ").append(type).append("; charset=UTF-8\r\n\r\n").append(body).append("\r\n");
        }
        return eml.toString();
    }

    private static void part(StringBuilder eml, String boundary, String type, String body) {
        eml.append("--").append(boundary).append("\r\n")
                .append("Content-Type: ").append(type).append("; charset=UTF-8\r\n\r\n")
                .append(body).append("\r\n");
    }

    private static void header(StringBuilder eml, String name, List<String> addresses) {
        if (!addresses.isEmpty()) {
            header(eml, name, String.join(", ", addresses));
        }
    }

    private static void header(StringBuilder eml, String name, String value) {
        if (value != null) {
            // A header value must stay on its line; a newline in a subject would start a new header.
            eml.append(name).append(": ").append(value.replaceAll("[\\r\\n]+", " ")).append("\r\n");
        }
    }
}
