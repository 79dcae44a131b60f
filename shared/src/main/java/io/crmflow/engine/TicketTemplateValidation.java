package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.EmailTemplate;
import io.crmflow.model.InputProblem;
import io.crmflow.model.ObjectType;
import io.crmflow.model.StandardObjectTypes;
import java.util.List;

/**
 * What an email using a default ticket email must be (R-PIPE-6): on a ticket workflow, naming a
 * template that exists, transactional, and without a text of its own — the template's is sent.
 * Its sender is checked as any email's is, by {@link WorkflowValidator}.
 */
final class TicketTemplateValidation {
    private TicketTemplateValidation() {
    }

    static void check(Action.SendEmail send, String at, ObjectType schema, List<InputProblem> problems) {
        if (!StandardObjectTypes.TICKET.equals(schema.name())) {
            problems.add(new InputProblem(at + "/template", "the default ticket emails go to a ticket's contacts; this "
                    + "workflow is on " + schema.name() + ": write the email's subject and body instead"));
        } else if (EmailTemplate.shipped(send.template()).isEmpty()) {
            problems.add(new InputProblem(at + "/template", "there is no email template '" + send.template()
                    + "'; known: " + EmailTemplate.ids()));
        }
        if (send.kind() == Action.EmailKind.MARKETING) {
            problems.add(new InputProblem(at + "/kind", "the default ticket emails are transactional"));
        }
        if (send.subject() != null || send.body() != null) {
            problems.add(new InputProblem(at + (send.subject() != null ? "/subject" : "/body"), "an email using template '"
                    + send.template() + "' sends the template's text; edit it at /email-templates/" + send.template()));
        }
    }
}
