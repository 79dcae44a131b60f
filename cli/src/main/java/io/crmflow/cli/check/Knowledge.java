package io.crmflow.cli.check;

import io.crmflow.cli.definition.Definition;
import io.crmflow.cli.definition.DefinitionKey;
import io.crmflow.cli.definition.Kind;
import io.crmflow.cli.definition.Models;
import io.crmflow.cli.remote.Target;
import io.crmflow.definition.CrmList;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.DefaultPipelines;
import io.crmflow.model.Pipeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the folder and the target define, gathered for {@link References}; a file's version wins over the target's. */
final class Knowledge {
    private Knowledge() {
    }

    static References.Known of(List<Definition> folder, Optional<Target> target) {
        List<Definition> all = new ArrayList<>(target.map(Target::definitions).orElse(List.of()));
        all.addAll(folder); // later entries replace earlier ones below
        Map<String, CrmList> lists = new HashMap<>();
        Map<DefinitionKey, Pipeline> pipelines = new HashMap<>();
        // Every tenant has the default lead pipeline, whether or not a file or the listing shows it.
        pipelines.put(DefinitionKey.pipeline(DefaultPipelines.LEAD.objectType(), DefaultPipelines.LEAD.id()),
                DefaultPipelines.LEAD);
        Set<String> workflowIds = new HashSet<>(target.map(Target::workflowIds).orElse(Set.of()));
        for (Definition d : all) {
            switch (d.kind()) {
                case LIST -> lists.put(d.id(), Models.list(d.id(), d.body()));
                case PIPELINE -> pipelines.put(d.key(), Models.pipeline(d.id(), d.body()));
                case WORKFLOW -> workflowIds.add(d.id());
                case JOURNEY -> { }
            }
        }
        Map<String, WorkflowDefinition> stored = new HashMap<>();
        target.map(Target::definitions).orElse(List.of()).stream().filter(d -> d.kind() == Kind.WORKFLOW)
                .forEach(d -> stored.put(d.id(), Models.workflow(d.id(), d.body())));
        return new References.Known(lists, workflowIds, pipelines, target.flatMap(Target::people),
                target.flatMap(Target::webhooks), stored);
    }
}
