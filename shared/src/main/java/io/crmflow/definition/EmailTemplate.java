package io.crmflow.definition;

import io.crmflow.model.Names;
import java.util.List;
import java.util.Optional;

/**
 * One of the default ticket emails (R-PIPE-6): "ticket received" and "ticket closed",
 * transactional, shipped with a text each tenant may replace. Tokens as in any email:
 * {@code {{contact.firstname|there}}} from the contact it goes to, {@code {{ticket.subject}}} or
 * a bare {@code {{subject}}} from the ticket.
 */
public record EmailTemplate(String id, String name, String subject, String body) {
    public static final String TICKET_RECEIVED = "ticket_received";
    public static final String TICKET_CLOSED = "ticket_closed";

    private static final List<EmailTemplate> SHIPPED = List.of(
            new EmailTemplate(TICKET_RECEIVED, "Ticket received",
                    "We received your request: {{ticket.subject|your ticket}}",
                    "Hello {{contact.firstname|there}},\n\nThank you for contacting us. We received your request"
                            + " \"{{ticket.subject|your ticket}}\" (ticket {{ticket.hs_object_id}}) and will get back"
                            + " to you as soon as we can.\n\nThe support team"),
            new EmailTemplate(TICKET_CLOSED, "Ticket closed",
                    "Your request is closed: {{ticket.subject|your ticket}}",
                    "Hello {{contact.firstname|there}},\n\nYour request \"{{ticket.subject|your ticket}}\" (ticket"
                            + " {{ticket.hs_object_id}}) is now closed. Reply to this email if you need anything"
                            + " else.\n\nThe support team"));

    public EmailTemplate {
        Names.requireValid(id, "template id");
        name = name == null ? id : name;
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("an email template needs a subject");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("an email template needs a body");
        }
    }

    /** The text crmflow ships for {@code id}, which a tenant's own replaces. */
    public static Optional<EmailTemplate> shipped(String id) {
        return SHIPPED.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public static List<EmailTemplate> allShipped() {
        return SHIPPED;
    }

    public static List<String> ids() {
        return SHIPPED.stream().map(EmailTemplate::id).toList();
    }
}
