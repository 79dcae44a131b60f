package io.crmflow.aws;

import io.crmflow.outbound.EmailRejectedException;
import io.crmflow.outbound.EmailThrottledException;
import io.crmflow.outbound.Mailer;
import io.crmflow.outbound.OutgoingEmail;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * Sends email with SES v2 as plain text, always from the configured sender: the function's
 * permission to send is scoped to that one address. A workflow's own sender address, when it
 * names another, becomes the Reply-To, so replies still reach it. SES's answers are sorted into
 * "refused, not sent", "not now, not sent" and the rest, which the effect ledger treats
 * differently (see {@link Mailer}). Thread-safe.
 */
public final class SesMailer implements Mailer {
    private final SesV2Client client;
    private final String sender;

    /** @param sender the verified identity every email is sent from */
    public SesMailer(SesV2Client client, String sender) {
        this.client = client;
        this.sender = sender;
    }

    @Override
    public String send(OutgoingEmail email) {
        boolean ownReplyTo = email.from() != null && !email.from().isBlank() && !email.from().equalsIgnoreCase(sender);
        try {
            SendEmailResponse response = client.sendEmail(r -> {
                r.fromEmailAddress(sender)
                        .destination(d -> d.toAddresses(email.recipients()))
                        .content(c -> c.simple(m -> m
                                .subject(s -> s.data(email.subject()).charset("UTF-8"))
                                .body(b -> b.text(t -> t.data(email.textBody()).charset("UTF-8")))))
                        .emailTags(t -> t.name("crmflow-step").value(email.idempotencyKey()));
                if (ownReplyTo) {
                    r.replyToAddresses(email.from());
                }
            });
            return response.messageId();
        } catch (MessageRejectedException e) {
            // This message, to this recipient, will not be accepted: record it and move on.
            throw new EmailRejectedException(e.getClass().getSimpleName() + ": " + e.awsErrorDetails().errorMessage());
        } catch (TooManyRequestsException | LimitExceededException | SendingPausedException | AccountSuspendedException
                 | MailFromDomainNotVerifiedException | NotFoundException | BadRequestException e) {
            // Nothing was sent, and the cause lies with the account or its set-up, not with this
            // email: retry, so the dead-letter alarm shows it, rather than skip every email quietly.
            throw new EmailThrottledException(e.getClass().getSimpleName() + ": " + e.awsErrorDetails().errorMessage());
        }
    }
}
