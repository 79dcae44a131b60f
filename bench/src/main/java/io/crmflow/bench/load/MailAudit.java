package io.crmflow.bench.load;

import io.crmflow.local.SentMail;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mail the SES stand-in accepted during the run, counted twice over: per step of an
 * enrollment (the {@code crmflow-step} tag the engine puts on every email, its effect key) and
 * per recipient (each contact is enrolled once and the workflow mails it once). Immutable.
 *
 * @param sent             emails accepted
 * @param twiceByStep      emails beyond the first for one enrollment step
 * @param twiceByRecipient emails beyond the first to one address
 * @param recipients       the addresses mailed
 */
record MailAudit(int sent, int twiceByStep, int twiceByRecipient, Set<String> recipients) {
    static final String STEP_TAG = "crmflow-step";

    MailAudit {
        recipients = Set.copyOf(recipients);
    }

    static MailAudit of(List<SentMail> mail) {
        Map<String, Integer> bySteps = new HashMap<>();
        Map<String, Integer> byRecipient = new HashMap<>();
        for (SentMail m : mail) {
            bySteps.merge(m.tags().getOrDefault(STEP_TAG, "untagged " + m.messageId()), 1, Integer::sum);
            m.to().forEach(address -> byRecipient.merge(address, 1, Integer::sum));
        }
        return new MailAudit(mail.size(), beyondFirst(bySteps.values()), beyondFirst(byRecipient.values()),
                byRecipient.keySet());
    }

    private static int beyondFirst(Collection<Integer> counts) {
        return counts.stream().mapToInt(c -> c - 1).sum();
    }
}
