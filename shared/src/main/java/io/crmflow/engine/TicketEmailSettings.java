package io.crmflow.engine;

import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PipelineStage;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.model.TicketEmailRules;
import io.crmflow.store.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and saves a ticket pipeline's status-from-email rules (R-PIPE-3). A save names a ticket
 * pipeline that exists, and statuses of that pipeline; anything else is refused with where it is
 * wrong, and nothing is written. Thread-safe.
 */
public final class TicketEmailSettings {
    private final Ports ports;

    public TicketEmailSettings(Ports ports) {
        this.ports = ports;
    }

    /** The pipeline's rules; both off until they are saved. */
    public TicketEmailRules get(String tenantId, String pipelineId) {
        if (ports.definitions().pipeline(tenantId, StandardObjectTypes.TICKET, pipelineId).isEmpty()) {
            throw new NotFoundException("ticket pipeline '" + pipelineId + "' does not exist");
        }
        return ports.definitions().ticketEmailRules(tenantId, pipelineId).orElse(TicketEmailRules.off(pipelineId));
    }

    public TicketEmailRules put(String tenantId, TicketEmailRules rules) {
        Pipeline pipeline = pipeline(tenantId, rules.pipelineId());
        List<InputProblem> problems = new ArrayList<>();
        check(pipeline, rules.emailSentToCustomer(), "/emailSentToCustomer/status", problems);
        check(pipeline, rules.customerReplied(), "/customerReplied/status", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ports.writer().commit(List.of(new Write.PutTicketEmailRules(tenantId, rules)));
        return rules;
    }

    /** Not found, as any item a path names that the tenant does not have: another tenant's pipeline is not told apart. */
    private Pipeline pipeline(String tenantId, String pipelineId) {
        return ports.definitions().pipeline(tenantId, StandardObjectTypes.TICKET, pipelineId)
                .orElseThrow(() -> new io.crmflow.model.NotFoundException("ticket pipeline '" + pipelineId
                        + "' does not exist; these rules belong to a ticket pipeline"));
    }

    /** A status is checked also while its rule is off: switching the rule on must not find it broken. */
    private static void check(Pipeline pipeline, TicketEmailRules.StatusRule rule, String pointer,
                              List<InputProblem> problems) {
        if (rule.status() != null && pipeline.stage(rule.status()).isEmpty()) {
            problems.add(new InputProblem(pointer, "status '" + rule.status() + "' is not in ticket pipeline '"
                    + pipeline.id() + "'; its statuses are " + pipeline.stages().stream().map(PipelineStage::id)
                    .collect(Collectors.joining(", "))));
        }
    }
}
