package io.crmflow.engine;

import io.crmflow.model.CrmRecord;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PipelineStage;
import io.crmflow.model.StageChange;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.model.TicketEmailRules;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which status an email gives a ticket, if any (R-PIPE-3, R-PIPE-5): a customer's reply reopens a
 * closed ticket at its pipeline's first open status whatever the settings, in whichever of the
 * ticket's threads it came; otherwise the rule that is on for the email sets its status. The
 * customer-replied rule counts the thread the ticket was created in, and once the ticket was
 * reopened — closed, then open again, by whoever — any thread. An email that happened before the
 * ticket's last status change sets nothing: events can arrive late and out of order (a retry), and
 * an older email must not undo a newer status. Pure.
 */
final class TicketStatusDecision {
    private static final String STATUS = Pipeline.stageProperty(StandardObjectTypes.TICKET);

    private TicketStatusDecision() {
    }

    /**
     * @param emailAt when the email happened (its activity's time, not when it was delivered)
     * @param history the ticket's stage history, oldest first
     * @return the status to set, which may be the one it has; empty when the email sets none
     */
    static Optional<String> target(TicketEmail email, Instant emailAt, CrmRecord ticket, Pipeline pipeline,
                                   TicketEmailRules rules, List<StageChange> history) {
        if (predatesLastStatusChange(emailAt, history)) {
            return Optional.empty();
        }
        String status = ticket.property(STATUS).orElse(null);
        Optional<String> chosen = switch (email.kind()) {
            case NOT_COUNTED -> Optional.empty();
            case TO_CUSTOMER -> statusOf(rules.emailSentToCustomer());
            case CUSTOMER_REPLY -> isClosed(pipeline, status) ? firstOpen(pipeline)
                    : countsForReplyRule(email, ticket, pipeline, history) ? statusOf(rules.customerReplied())
                    : Optional.empty();
        };
        // A status the pipeline lost since the rules were saved is not set: it would leave the
        // ticket outside its own pipeline.
        return chosen.filter(s -> pipeline.stage(s).isPresent());
    }

    /** The thread the ticket was created in always counts; after a reopening, any thread does. */
    private static boolean countsForReplyRule(TicketEmail email, CrmRecord ticket, Pipeline pipeline,
                                              List<StageChange> history) {
        String creationThread = ticket.property(StandardObjectTypes.TICKET_CREATION_THREAD).orElse(null);
        boolean inCreationThread = creationThread != null && creationThread.equals(email.thread());
        return inCreationThread || wasReopened(pipeline, history);
    }

    /**
     * Whether the email happened strictly before the ticket's status last changed. One at the same
     * instant still counts: a frozen clock, or two things in one millisecond, are not out of order.
     */
    static boolean predatesLastStatusChange(Instant emailAt, List<StageChange> history) {
        Instant last = null;
        for (StageChange c : history) {
            if (STATUS.equals(c.property())) {
                last = c.at();
            }
        }
        return last != null && emailAt.isBefore(last);
    }

    /** Closed, then open again: one change of its status from a closed status to an open one. */
    static boolean wasReopened(Pipeline pipeline, List<StageChange> history) {
        return history.stream().filter(c -> STATUS.equals(c.property()))
                .anyMatch(c -> isClosed(pipeline, c.from()) && isOpen(pipeline, c.to()));
    }

    private static boolean isClosed(Pipeline pipeline, String status) {
        return status != null && pipeline.stage(status).map(s -> !s.open()).orElse(false);
    }

    private static boolean isOpen(Pipeline pipeline, String status) {
        return status != null && pipeline.stage(status).map(PipelineStage::open).orElse(false);
    }

    private static Optional<String> firstOpen(Pipeline pipeline) {
        return pipeline.stages().stream().filter(PipelineStage::open).map(PipelineStage::id).findFirst();
    }

    private static Optional<String> statusOf(TicketEmailRules.StatusRule rule) {
        return rule.enabled() ? Optional.ofNullable(rule.status()) : Optional.empty();
    }
}
