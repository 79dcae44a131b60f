package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.EmailTemplate;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.model.CrmRecord;
import io.crmflow.outbound.OutgoingEmail;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A ticket workflow's email (R-PIPE-6): one message to each contact associated with the ticket,
 * each its own effect, so each contact gets it once however often the step runs. Transactional
 * email reaches any contact with an address, marketing email only marketing contacts who did
 * not opt out — the rules of every email. Pure, like {@link StepDecider}.
 */
final class TicketContactEmails {
    /** Each is a call to the mail provider within one step's time limit. */
    static final int MOST_CONTACTS = 20;

    private TicketContactEmails() {
    }

    /** @param templates the tenant's text of each default email, or the shipped one */
    static StepDecision send(StepDraft step, Action.SendEmail a, CrmRecord ticket, List<CrmRecord> contacts,
                             Function<String, EmailTemplate> templates) {
        EmailTemplate text = a.template() == null ? null : templates.apply(a.template());
        String subject = text == null ? a.subject() : text.subject();
        String body = text == null ? a.body() : text.body();
        boolean marketing = text == null && a.kind() == Action.EmailKind.MARKETING;
        String what = text == null ? (marketing ? "marketing" : "transactional") + " email"
                : "'" + text.name() + "' email";
        List<OutsideEffect.ToContact> emails = new ArrayList<>();
        List<String> notSent = new ArrayList<>();
        int beyond = 0;
        for (CrmRecord contact : contacts.stream().sorted(Comparator.comparing(CrmRecord::id)).toList()) {
            String to = contact.property("email").orElse("");
            if (to.isBlank()) {
                notSent.add(contact.id() + " has no email address");
            } else if (marketing && !RecordActions.marketable(contact)) {
                notSent.add(contact.id() + " is not a marketing contact, or opted out");
            } else if (emails.size() == MOST_CONTACTS) {
                beyond++;
            } else {
                emails.add(new OutsideEffect.ToContact(contact.id(), new OutgoingEmail(a.from(), to,
                        Personalizer.render(subject, ticket, contact), Personalizer.render(body, ticket, contact),
                        StepIds.email(step.e.id() + "~" + contact.id(), step.e.seq()))));
            }
        }
        if (beyond > 0) {
            notSent.add(beyond + " more contacts (at most " + MOST_CONTACTS + " per action)");
        }
        String left = notSent.isEmpty() ? "" : "; not sent: " + String.join("; ", notSent);
        if (emails.isEmpty()) {
            step.log(Kind.ACTION_SKIPPED, a.id(), what + " not sent: "
                    + (contacts.isEmpty() ? "the ticket has no associated contact" : String.join("; ", notSent)));
            return step.moveTo(a.next());
        }
        step.log(Kind.ACTION_EXECUTED, a.id(), what + " sent to the ticket's contacts" + left);
        return step.moveTo(a.next()).withEffect(new OutsideEffect.ContactEmails(emails));
    }
}
