package io.crmflow.cli.remote;

import io.crmflow.cli.definition.Definition;
import io.crmflow.engine.People;
import io.crmflow.model.WebhookSettings;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a deployment holds for one tenant, read once: its definitions in canonical form (the
 * workflows journeys compile, and the default lead pipeline while unchanged, left out: nobody
 * writes those) and what checking definitions against it consults. Immutable.
 *
 * @param workflowIds every workflow id, journeys' own among them, since a definition may name one
 * @param people      its users and teams; empty when they could not be read
 * @param webhooks    its webhook settings, the secret itself left out; empty when they could not be read
 */
public record Target(List<Definition> definitions, Set<String> workflowIds, Optional<People> people,
                     Optional<WebhookSettings> webhooks) {
    public Target {
        definitions = List.copyOf(definitions);
        workflowIds = Set.copyOf(workflowIds);
    }
}
