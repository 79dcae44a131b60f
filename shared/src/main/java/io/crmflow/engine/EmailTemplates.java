package io.crmflow.engine;

import io.crmflow.definition.EmailTemplate;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.store.Write;
import java.util.List;

/**
 * The default ticket emails of a tenant (R-PIPE-6): the shipped text until the tenant replaces
 * it. An email action names the template, not its text, so an edit reaches every workflow that
 * sends it from its next send on. Thread-safe.
 */
public final class EmailTemplates {
    private final Ports ports;

    public EmailTemplates(Ports ports) {
        this.ports = ports;
    }

    /** @param customized whether the tenant replaced the shipped text */
    public record Current(EmailTemplate template, boolean customized) {
    }

    public List<Current> all(String tenantId) {
        requireTenant(tenantId);
        return EmailTemplate.ids().stream().map(id -> current(tenantId, id)).toList();
    }

    public Current get(String tenantId, String templateId) {
        requireTenant(tenantId);
        return current(tenantId, templateId);
    }

    /** Replaces the tenant's text; the name stays the shipped one. */
    public Current put(String tenantId, String templateId, String subject, String body) {
        requireTenant(tenantId);
        EmailTemplate shipped = shipped(templateId);
        EmailTemplate replaced;
        try {
            replaced = new EmailTemplate(templateId, shipped.name(), subject, body);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(subject == null || subject.isBlank() ? "/subject" : "/body", e.getMessage());
        }
        ports.writer().commit(List.of(new Write.PutEmailTemplate(tenantId, replaced)));
        return new Current(replaced, true);
    }

    private Current current(String tenantId, String templateId) {
        EmailTemplate shipped = shipped(templateId);
        return ports.definitions().emailTemplate(tenantId, templateId).map(t -> new Current(t, true))
                .orElse(new Current(shipped, false));
    }

    private static EmailTemplate shipped(String templateId) {
        return EmailTemplate.shipped(templateId).orElseThrow(() -> new NotFoundException("there is no email template '"
                + templateId + "'; known: " + EmailTemplate.ids()));
    }

    private void requireTenant(String tenantId) {
        ports.definitions().tenant(tenantId)
                .orElseThrow(() -> new NotFoundException("tenant '" + tenantId + "' does not exist"));
    }
}
