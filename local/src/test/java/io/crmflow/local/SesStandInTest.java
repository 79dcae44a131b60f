package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R-RUN-3 SES stand-in: sends through the SDK, keeps and files the mail, refuses unverified senders")
class SesStandInTest {

    @TempDir
    static Path folder;
    static EmbeddedMessaging stack;

    @BeforeAll
    static void start() {
        stack = new EmbeddedMessaging(folder.resolve("mail"));
        new Provisioner(stack.sqs, stack.eventBridge, stack.ses).verifySender("no-reply@crmflow.test");
        new Provisioner(stack.sqs, stack.eventBridge, stack.ses).verifySender("crmflow.example");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static SendEmailRequest simple(String from, String subject) {
        return SendEmailRequest.builder().fromEmailAddress(from)
                .destination(d -> d.toAddresses("ada@example.com").ccAddresses("cc@example.com").bccAddresses("bcc@example.com"))
                .replyToAddresses("support@crmflow.test")
                .content(c -> c.simple(m -> m.subject(s -> s.data(subject))
                        .body(b -> b.text(t -> t.data("Hello Ada")).html(h -> h.data("<p>Hello <b>Ada</b></p>")))))
                .emailTags(MessageTag.builder().name("workflow").value("wf-1").build())
                .build();
    }

    @Test
    void sentMail_isKeptWithEverythingTheRequestSaid() {
        String subject = "Welcome " + UUID.randomUUID();

        String id = stack.ses.sendEmail(simple("Crmflow <no-reply@crmflow.test>", subject)).messageId();

        SentMail mail = stack.sesServer.sent().stream().filter(m -> m.subject().equals(subject)).findFirst().orElseThrow();
        assertThat(mail.messageId()).isEqualTo(id);
        assertThat(mail.from()).isEqualTo("Crmflow <no-reply@crmflow.test>");
        assertThat(mail.to()).containsExactly("ada@example.com");
        assertThat(mail.cc()).containsExactly("cc@example.com");
        assertThat(mail.bcc()).containsExactly("bcc@example.com");
        assertThat(mail.replyTo()).containsExactly("support@crmflow.test");
        assertThat(mail.textBody()).isEqualTo("Hello Ada");
        assertThat(mail.htmlBody()).isEqualTo("<p>Hello <b>Ada</b></p>");
        assertThat(mail.tags()).containsEntry("workflow", "wf-1");
        assertThat(mail.sentAt()).isNotNull();
    }

    @Test
    void sentMail_isWrittenAsAnEmlFile() throws Exception {
        String subject = "File me " + UUID.randomUUID();

        String id = stack.ses.sendEmail(simple("no-reply@crmflow.test", subject)).messageId();

        Path file;
        try (Stream<Path> files = Files.list(stack.sesServer.mailFolder())) {
            file = files.filter(f -> f.getFileName().toString().endsWith(id + ".eml")).findFirst().orElseThrow();
        }
        String eml = Files.readString(file);
        assertThat(eml).contains("Subject: " + subject + "\r\n", "From: no-reply@crmflow.test\r\n",
                "To: ada@example.com\r\n", "Bcc: bcc@example.com\r\n", "X-SES-Message-Tag: workflow=wf-1\r\n",
                "Content-Type: multipart/alternative", "Hello Ada", "<p>Hello <b>Ada</b></p>");
    }

    @Test
    void mailEndpoint_listsSentMailAsJson() throws Exception {
        String subject = "Listed " + UUID.randomUUID();
        stack.ses.sendEmail(simple("no-reply@crmflow.test", subject));

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.sesServer.endpoint() + "/mail")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode mails = new ObjectMapper().readTree(response.body());
        assertThat(mails.findValuesAsText("subject")).contains(subject);
        assertThat(mails.get(0).get("sentAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void senderInAVerifiedDomain_mayAlsoSend() {
        String subject = "Domain " + UUID.randomUUID();

        stack.ses.sendEmail(simple("sales@crmflow.example", subject));

        assertThat(stack.sesServer.sent()).extracting(SentMail::subject).contains(subject);
    }

    @Test
    void unverifiedSender_isRejectedLikeSes() {
        int before = stack.sesServer.sent().size();

        assertThatThrownBy(() -> stack.ses.sendEmail(simple("intruder@elsewhere.test", "nope")))
                .isInstanceOf(MessageRejectedException.class)
                .hasMessageContaining("not verified")
                .satisfies(e -> assertThat(((MessageRejectedException) e).statusCode()).isEqualTo(400));
        assertThat(stack.sesServer.sent()).hasSize(before);
    }

    @Test
    void rawMail_isKeptWithItsSubject() {
        String mime = "From: no-reply@crmflow.test\r\nTo: ada@example.com\r\nSubject: Raw one\r\n\r\nbody text\r\n";

        stack.ses.sendEmail(b -> b.fromEmailAddress("no-reply@crmflow.test")
                .destination(d -> d.toAddresses("ada@example.com"))
                .content(c -> c.raw(r -> r.data(SdkBytes.fromString(mime, StandardCharsets.UTF_8)))));

        assertThat(stack.sesServer.sent()).filteredOn(m -> m.subject().equals("Raw one"))
                .singleElement().satisfies(m -> assertThat(m.body()).contains("body text"));
    }

    @Test
    void templateMail_isNotFoundSinceNoTemplateExists() {
        assertThatThrownBy(() -> stack.ses.sendEmail(b -> b.fromEmailAddress("no-reply@crmflow.test")
                .destination(d -> d.toAddresses("ada@example.com"))
                .content(c -> c.template(t -> t.templateName("welcome").templateData("{}")))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void identities_canBeReadBackAndNotCreatedTwice() {
        assertThat(stack.ses.getEmailIdentity(b -> b.emailIdentity("crmflow.example")).identityTypeAsString())
                .isEqualTo("DOMAIN");
        assertThatThrownBy(() -> stack.ses.createEmailIdentity(b -> b.emailIdentity("crmflow.example")))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> stack.ses.getEmailIdentity(b -> b.emailIdentity("unknown@nowhere.test")))
                .isInstanceOf(NotFoundException.class);
    }
}
