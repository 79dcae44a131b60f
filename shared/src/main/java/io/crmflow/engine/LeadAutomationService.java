package io.crmflow.engine;

import io.crmflow.definition.LeadAutomations;
import io.crmflow.model.DefaultPipelines;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.Pipeline;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.store.ConflictException;
import io.crmflow.store.DefinitionStore;
import io.crmflow.store.Write;
import io.crmflow.store.WriteContentionException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads and saves the templated automations of the default lead pipeline (R-LEAD-6). They belong
 * to that pipeline alone: a custom lead pipeline is refused, and uses stage automation instead.
 * A refused save writes nothing; two saves at once both count. Thread-safe.
 */
public final class LeadAutomationService {
    private static final int ATTEMPTS = 3;
    private final Ports ports;

    public LeadAutomationService(Ports ports) {
        this.ports = ports;
    }

    /** The saved automations, or the defaults a tenant starts with. */
    public LeadAutomations automations(String tenantId, String pipelineId) {
        requireDefaultPipeline(tenantId, pipelineId);
        return current(ports, tenantId);
    }

    /**
     * Applies {@code change} to the current automations and saves the result if it is valid, on
     * condition that nobody saved in between. If someone did, the change is applied again to what
     * they saved (a change names only what it changes), a few times before giving up.
     */
    public LeadAutomations update(String tenantId, String pipelineId, UnaryOperator<LeadAutomations> change) {
        Pipeline pipeline = requireDefaultPipeline(tenantId, pipelineId);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            LeadAutomations read = current(ports, tenantId);
            LeadAutomations changed = change.apply(read).withVersion(read.version() + 1);
            List<InputProblem> problems = LeadAutomationValidator.problems(changed, pipeline);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            try {
                ports.writer().commit(List.of(new Write.PutLeadAutomations(tenantId, changed, read.version())));
                return changed;
            } catch (ConflictException | WriteContentionException e) {
                // Someone saved since the read: apply the change again to what they saved.
            }
        }
        throw new ConcurrentChangeException("the lead automations kept changing while this change was saved; "
                + "send it again");
    }

    static LeadAutomations current(Ports ports, String tenantId) {
        return current(ports.definitions(), tenantId);
    }

    static LeadAutomations current(DefinitionStore definitions, String tenantId) {
        return definitions.leadAutomations(tenantId).orElse(LeadAutomations.DEFAULTS);
    }

    /** The tenant's default lead pipeline, as saved (a tenant may have renamed or added stages). */
    static Pipeline defaultPipeline(Ports ports, String tenantId) {
        return ports.definitions().pipeline(tenantId, StandardObjectTypes.LEAD, DefaultPipelines.LEAD_PIPELINE_ID)
                .orElse(DefaultPipelines.LEAD);
    }

    private Pipeline requireDefaultPipeline(String tenantId, String pipelineId) {
        if (ports.definitions().tenant(tenantId).isEmpty()) {
            throw new NotFoundException("tenant '" + tenantId + "' does not exist");
        }
        if (DefaultPipelines.LEAD_PIPELINE_ID.equals(pipelineId)) {
            return defaultPipeline(ports, tenantId);
        }
        if (ports.definitions().pipeline(tenantId, StandardObjectTypes.LEAD, pipelineId).isEmpty()) {
            throw new NotFoundException("lead pipeline '" + pipelineId + "' does not exist");
        }
        throw InvalidInputException.of("/path/pipelineId", "'" + pipelineId + "' is a custom lead pipeline: the templated lead "
                + "automations belong to the default lead pipeline '" + DefaultPipelines.LEAD_PIPELINE_ID
                + "' only; automate a custom pipeline's stages with stage automation instead (/pipelines/lead/"
                + pipelineId + "/stages/{stageId}/actions)");
    }
}
