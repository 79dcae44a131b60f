package io.crmflow.engine;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Condition;
import io.crmflow.filter.Operator;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.StandardObjectTypes;
import java.util.Locale;
import java.util.Set;

/**
 * Tickets from a live chat or a messenger conversation are left out of ticket automation
 * (R-PIPE-7): no workflow on tickets enrolls one by its trigger, unless the workflow's criteria
 * ask for that source — a condition {@code source_type eq / any_of} naming it. Those
 * conversations are answered in the conversation itself; an automatic "ticket received" email
 * or task would answer them twice. Stateless.
 */
final class ChatTickets {
    /** The ticket property saying where a ticket came from. */
    static final String SOURCE = "source_type";
    /** The sources left out: a live chat and a Facebook Messenger conversation. */
    static final Set<String> CONVERSATIONS = Set.of("CHAT", "FB_MESSENGER");
    private static final System.Logger LOG = System.getLogger(ChatTickets.class.getName());

    private ChatTickets() {
    }

    /** Whether {@code record} stays out of {@code wf}: a chat or messenger ticket its criteria do not ask for. */
    static boolean leftOut(WorkflowDefinition wf, CrmRecord record) {
        if (!StandardObjectTypes.TICKET.equals(wf.objectType())) {
            return false;
        }
        String source = record.property(SOURCE).map(v -> v.trim().toUpperCase(Locale.ROOT)).orElse("");
        if (!CONVERSATIONS.contains(source) || asksFor(wf, source)) {
            return false;
        }
        LOG.log(System.Logger.Level.INFO, "ticket " + record.id() + " came from " + source + ", which workflow '"
                + wf.id() + "' does not ask for in its criteria: not enrolled");
        return true;
    }

    private static boolean asksFor(WorkflowDefinition wf, String source) {
        return wf.trigger().criteria().groups().stream().flatMap(g -> g.conditions().stream())
                .anyMatch(c -> c instanceof Condition.OnProperty p && p.property().equals(SOURCE)
                        && (p.operator() == Operator.EQ || p.operator() == Operator.ANY_OF)
                        && p.values().stream().anyMatch(v -> v.trim().equalsIgnoreCase(source)));
    }
}
