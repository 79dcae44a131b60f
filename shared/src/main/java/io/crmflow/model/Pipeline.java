package io.crmflow.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** An ordered list of stages for one object type (R-OBJ-3). Immutable. */
public record Pipeline(String id, String objectType, String label, List<PipelineStage> stages) {

    public Pipeline {
        Require.name(id, "pipeline id");
        Require.name(objectType, "object type");
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("pipeline '" + id + "' needs at least one stage");
        }
        var seen = new HashSet<String>();
        for (PipelineStage s : stages) {
            if (!seen.add(s.id())) {
                throw new IllegalArgumentException("stage '" + s.id() + "' appears twice in pipeline '" + id + "'");
            }
        }
    }

    public Optional<PipelineStage> stage(String stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    /** Position of a stage in the pipeline, or -1 when it is not part of it. */
    public int indexOf(String stageId) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(stageId)) {
                return i;
            }
        }
        return -1;
    }

    /** The property that holds a record's stage in pipelines of this object type. */
    public static String stageProperty(String objectType) {
        return StandardObjectTypes.DEAL.equals(objectType) ? "dealstage" : "hs_pipeline_stage";
    }

    /** The property that holds a record's pipeline id for this object type. */
    public static String pipelineProperty(String objectType) {
        return StandardObjectTypes.DEAL.equals(objectType) ? "pipeline" : "hs_pipeline";
    }
}
