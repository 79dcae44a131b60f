package io.crmflow.filter;

import io.crmflow.model.ObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Refuses an invalid filter when its definition is saved, so that nothing is discovered
 * while running (R-FLT-3). Every problem is reported at once, each with a JSON pointer into
 * the filter's wire form ({@code /groups/0/conditions/1/operator}) and a sentence saying
 * what to change.
 *
 * <p>Each call works on its own instance; the class is thread-safe as far as the
 * {@link Schemas} given is.
 */
public final class FilterValidator {
    private final Schemas schemas;
    private final List<FilterProblem> problems = new ArrayList<>();
    private final PropertyConditionValidator properties = new PropertyConditionValidator(problems::add);

    private FilterValidator(Schemas schemas) {
        this.schemas = schemas;
    }

    /**
     * The problems of {@code filter} on records of {@code objectType}; empty when it can be
     * saved. {@link Filter#NONE} is valid: it is how a definition says "no criteria".
     */
    public static List<FilterProblem> validate(Filter filter, String objectType, Schemas schemas) {
        Objects.requireNonNull(schemas, "schemas");
        FilterValidator validator = new FilterValidator(schemas);
        validator.check(filter, objectType);
        return List.copyOf(validator.problems);
    }

    private void check(Filter filter, String objectType) {
        if (filter == null) {
            problem("", "a filter is required; send {\"groups\": []} for no criteria");
            return;
        }
        // Properties of an unknown type cannot be checked, but lists and associations still can.
        ObjectType schema = schemaOf(objectType).orElse(null);
        if (objectType == null || objectType.isBlank()) {
            problem("", "the object type the filter applies to is required, e.g. contact");
        } else if (schema == null) {
            problem("", "object type '" + objectType + "' does not exist, so the properties in this filter "
                    + "cannot be checked; create the object type first or pick an existing one");
        }
        for (int i = 0; i < filter.groups().size(); i++) {
            checkGroup(filter.groups().get(i), "/groups/" + i, schema);
        }
    }

    private void checkGroup(FilterGroup group, String pointer, ObjectType schema) {
        if (group.conditions().isEmpty()) {
            problem(pointer + "/conditions", "this group has no conditions and would match nothing; "
                    + "add a condition or remove the group");
        }
        for (int i = 0; i < group.conditions().size(); i++) {
            checkCondition(group.conditions().get(i), pointer + "/conditions/" + i, schema);
        }
    }

    private void checkCondition(Condition condition, String pointer, ObjectType schema) {
        if (condition instanceof Condition.OnProperty onProperty) {
            properties.check(onProperty, pointer, schema, false);
        } else if (condition instanceof Condition.InList inList) {
            checkList(inList, pointer);
        } else if (condition instanceof Condition.InWorkflow inWorkflow) {
            checkWorkflow(inWorkflow, pointer);
        } else {
            checkAssociated((Condition.OnAssociated) condition, pointer);
        }
    }

    private void checkList(Condition.InList condition, String pointer) {
        String listId = condition.listId();
        if (listId == null || listId.isBlank()) {
            problem(pointer + "/listId", "a list id is required");
        } else if (!schemas.listExists(listId)) {
            problem(pointer + "/listId", "list '" + listId + "' does not exist; pick an existing list or create it first");
        }
    }

    private void checkWorkflow(Condition.InWorkflow condition, String pointer) {
        String workflowId = condition.workflowId();
        if (workflowId == null || workflowId.isBlank()) {
            problem(pointer + "/workflowId", "a workflow id is required");
        } else if (!schemas.workflowExists(workflowId)) {
            problem(pointer + "/workflowId", "workflow '" + workflowId + "' does not exist; pick an existing workflow");
        }
        if (condition.state() == null) {
            problem(pointer + "/state", "a state is required: one of enrolled, not_enrolled, met_goal, not_met_goal");
        }
    }

    private void checkAssociated(Condition.OnAssociated condition, String pointer) {
        String objectType = condition.objectType();
        ObjectType schema = null;
        if (objectType == null || objectType.isBlank()) {
            problem(pointer + "/objectType", "the associated object type is required, e.g. company");
        } else {
            schema = schemaOf(objectType).orElse(null);
            if (schema == null) {
                problem(pointer + "/objectType", "object type '" + objectType
                        + "' does not exist, so no record of it can be associated; pick an existing object type");
            }
        }
        if (condition.condition() == null) {
            problem(pointer + "/condition", "a condition on the associated record's property is required");
        } else {
            properties.check(condition.condition(), pointer + "/condition", schema, true);
        }
    }

    private Optional<ObjectType> schemaOf(String objectType) {
        return objectType == null ? Optional.empty() : schemas.objectType(objectType);
    }

    private void problem(String pointer, String message) {
        problems.add(new FilterProblem(pointer, message));
    }
}
