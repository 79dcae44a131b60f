package io.crmflow.model;

import java.util.List;

/** Pipelines every tenant starts with. */
public final class DefaultPipelines {
    public static final String LEAD_PIPELINE_ID = "lead-pipeline";

    /** New, Attempting, Connected, Qualified, Disqualified (R-OBJ-3). */
    public static final Pipeline LEAD = new Pipeline(LEAD_PIPELINE_ID, StandardObjectTypes.LEAD, "Lead pipeline", List.of(
            new PipelineStage("new-stage-id", "New", true),
            new PipelineStage("attempting-stage-id", "Attempting", true),
            new PipelineStage("connected-stage-id", "Connected", true),
            new PipelineStage("qualified-stage-id", "Qualified", false),
            new PipelineStage("unqualified-stage-id", "Disqualified", false)));

    private DefaultPipelines() {
    }
}
