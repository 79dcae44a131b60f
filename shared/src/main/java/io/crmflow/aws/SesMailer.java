package io.crmflow.aws;

import io.crmflow.outbound.Mailer;
import io.crmflow.outbound.OutgoingEmail;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;

/** Sends email with SES v2 as plain text. Thread-safe. */
public final class SesMailer implements Mailer {
    private final SesV2Client client;
    private final String defaultFrom;

    /** @param defaultFrom the sender used when an email names none (the verified identity) */
    public SesMailer(SesV2Client client, String defaultFrom) {
        this.client = client;
        this.defaultFrom = defaultFrom;
    }

    @Override
    public String send(OutgoingEmail email) {
        String from = email.from() == null || email.from().isBlank() ? defaultFrom : email.from();
        SendEmailResponse response = client.sendEmail(r -> r
                .fromEmailAddress(from)
                .destination(d -> d.toAddresses(email.to()))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(email.subject()).charset("UTF-8"))
                        .body(b -> b.text(t -> t.data(email.textBody()).charset("UTF-8")))))
                // Tag values allow only letters, digits, '_' and '-'.
                .emailTags(t -> t.name("crmflow-step").value(email.idempotencyKey().replaceAll("[^A-Za-z0-9_-]", "_"))));
        return response.messageId();
    }
}
