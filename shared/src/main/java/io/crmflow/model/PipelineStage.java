package io.crmflow.model;

/**
 * One stage of a pipeline. For ticket pipelines {@code open} says whether the status counts
 * as open or closed (R-OBJ-3); for other pipelines it is true except for terminal stages.
 */
public record PipelineStage(String id, String label, boolean open) {
    public PipelineStage {
        Require.name(id, "stage id");
        Require.nonNull(label, "stage label");
    }
}
