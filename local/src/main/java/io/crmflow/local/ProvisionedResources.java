package io.crmflow.local;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What provisioning created, by logical id: the physical names, URLs and ARNs that the
 * handlers' environment and the local pollers need. Immutable.
 */
public record ProvisionedResources(Map<String, Table> tables, Map<String, Bus> eventBuses,
                                   Map<String, Queue> queues, Map<String, String> ruleArns) {

    public record Table(String name, String arn) {
    }

    public record Bus(String name, String arn) {
    }

    public record Queue(String name, String url, String arn) {
    }

    public ProvisionedResources {
        tables = Map.copyOf(tables);
        eventBuses = Map.copyOf(eventBuses);
        queues = Map.copyOf(queues);
        ruleArns = Map.copyOf(ruleArns);
    }

    /** The same resources plus one more table, for when tables are provisioned as a separate step. */
    public ProvisionedResources withTable(String logicalId, Table table) {
        Map<String, Table> more = new HashMap<>(tables);
        more.put(logicalId, table);
        return new ProvisionedResources(more, eventBuses, queues, ruleArns);
    }

    /** The physical name of the single table; fails if there is none or several. */
    public String tableName() {
        return only(tables, "table").name();
    }

    /** The physical name of the single custom event bus; fails if there is none or several. */
    public String eventBusName() {
        return only(eventBuses, "event bus").name();
    }

    public Queue queue(String logicalId) {
        return Objects.requireNonNull(queues.get(logicalId), () -> "no queue " + logicalId + " was provisioned");
    }

    public String queueUrl(String logicalId) {
        return queue(logicalId).url();
    }

    public String queueArn(String logicalId) {
        return queue(logicalId).arn();
    }

    /**
     * The value a deployed stack would give: {@code Ref} is a table's or bus's name and a queue's
     * URL, {@code GetAtt …Arn} an ARN, {@code GetAtt …QueueName} / {@code …Name} a name.
     */
    public String resolve(TemplateValue value) {
        if (value instanceof TemplateValue.Literal literal) {
            return literal.text();
        }
        TemplateValue.Reference ref = (TemplateValue.Reference) value;
        String attribute = ref.attribute() == null ? "Ref" : ref.attribute();
        String resolved = null;
        if (tables.containsKey(ref.logicalId())) {
            Table t = tables.get(ref.logicalId());
            resolved = switch (attribute) { case "Ref" -> t.name(); case "Arn" -> t.arn(); default -> null; };
        } else if (eventBuses.containsKey(ref.logicalId())) {
            Bus b = eventBuses.get(ref.logicalId());
            resolved = switch (attribute) { case "Ref", "Name" -> b.name(); case "Arn" -> b.arn(); default -> null; };
        } else if (queues.containsKey(ref.logicalId())) {
            Queue q = queues.get(ref.logicalId());
            resolved = switch (attribute) {
                case "Ref", "QueueUrl" -> q.url(); case "Arn" -> q.arn(); case "QueueName" -> q.name(); default -> null;
            };
        }
        if (resolved == null) {
            throw new IllegalArgumentException("cannot resolve " + ref + ": not a provisioned resource attribute");
        }
        return resolved;
    }

    private static <T> T only(Map<String, T> resources, String kind) {
        if (resources.size() != 1) {
            throw new IllegalStateException("expected exactly one " + kind + ", found " + resources.keySet());
        }
        return resources.values().iterator().next();
    }
}
