package io.crmflow.functions.api;

import io.crmflow.model.Activity;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.PropertyDefinition;
import io.crmflow.model.RecordRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Request bodies of the API; a workflow's, a pipeline's and a list's are the engine's
 * ({@link io.crmflow.definition.DefinitionInputs}). Unknown fields are refused, so a typo is
 * reported, not ignored.
 */
final class Inputs {
    private Inputs() {
    }

    record TenantInput(String id, String name, String timezone) {
    }

    /** A field left out keeps its value. */
    record WebhookSettingsInput(String signingSecret, Boolean allowPrivateTargets) {
    }

    record ObjectTypeInput(List<PropertyDefinition> properties) {
    }

    /** A record to create, with the records it belongs to, written in the same commit. */
    record RecordInput(String id, Map<String, String> properties, List<AssociationInput> associations) {
    }

    record PropertiesInput(Map<String, String> properties) {
    }

    record AssociationInput(String objectType, String id, String label) {
    }

    record ActivityInput(RecordRef record, Activity activity, Instant occurredAt) {
    }

    /**
     * A workflow's switch. A boxed Boolean, so that a body without {@code enabled} is refused
     * rather than read as false: leaving the field out must never switch a workflow off.
     */
    record EnabledInput(Boolean enabled) {
        boolean required() {
            if (enabled == null) {
                throw InvalidInputException.of("/enabled", "say whether the workflow is on: {\"enabled\": true} or"
                        + " {\"enabled\": false}");
            }
            return enabled;
        }
    }

    /** What a workflow made from a template may be called; both optional. */
    record FromTemplateInput(String id, String name) {
    }

    /** Absent means false: only records that meet the triggers from now on (R-WF-8). */
    record ActivationInput(Boolean enrollExisting) {
    }
}
