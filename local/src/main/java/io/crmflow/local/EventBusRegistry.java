package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.event.ruler.Machine;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event buses, rules and targets of the EventBridge stand-in, in memory, and the matching
 * of events against rule patterns with AWS Event Ruler.
 *
 * <p>Thread-safety: changes are serialised by this object's lock and publish a new immutable
 * {@code Bus} (with a freshly built {@link Machine}); matching reads the published value without
 * locking. Rebuilding the machine on every change is cheaper to get right than deleting an old
 * pattern from it, and buses hold a handful of rules.
 */
final class EventBusRegistry {

    static final String DEFAULT_BUS = "default";

    /** A target of a rule; only SQS queues are delivered to. Nullable fields are absent in the request. */
    record Target(String id, String arn, String deadLetterArn, String input, String inputPath) {
    }

    record Rule(String name, String busName, String arn, String eventPattern, String scheduleExpression,
                boolean enabled, String description, Map<String, Target> targets) {
        Rule withTargets(Map<String, Target> newTargets) {
            return new Rule(name, busName, arn, eventPattern, scheduleExpression, enabled, description,
                    Map.copyOf(newTargets));
        }
    }

    record Bus(String name, String arn, Map<String, Rule> rules, Machine machine) {
    }

    private final String arnPrefix;
    private final Map<String, Bus> buses = new ConcurrentHashMap<>();

    EventBusRegistry(String region, String accountId) {
        this.arnPrefix = "arn:aws:events:" + region + ":" + accountId + ":";
        buses.put(DEFAULT_BUS, new Bus(DEFAULT_BUS, arnPrefix + "event-bus/default", Map.of(), Machine.builder().build()));
    }

    synchronized Bus createBus(String name) {
        if (buses.containsKey(name)) {
            throw new AwsServiceError("ResourceAlreadyExistsException", "Event bus " + name + " already exists.");
        }
        Bus bus = new Bus(name, arnPrefix + "event-bus/" + name, Map.of(), Machine.builder().build());
        buses.put(name, bus);
        return bus;
    }

    /** The bus by name or ARN; a missing name means the default bus. */
    Bus bus(String nameOrArn) {
        String name = busName(nameOrArn);
        Bus bus = buses.get(name);
        if (bus == null) {
            throw new AwsServiceError("ResourceNotFoundException", "Event bus " + name + " does not exist.");
        }
        return bus;
    }

    List<Bus> buses() {
        return buses.values().stream().sorted(Comparator.comparing(Bus::name)).toList();
    }

    String ruleArn(String busName, String ruleName) {
        return arnPrefix + "rule/" + (DEFAULT_BUS.equals(busName) ? "" : busName + "/") + ruleName;
    }

    /** Creates or replaces a rule, keeping the targets it already had, as PutRule does. */
    synchronized Rule putRule(Rule rule) {
        Bus bus = bus(rule.busName());
        if (rule.eventPattern() != null) {
            // Checked even for a disabled rule, which never enters the matching machine.
            addPattern(Machine.builder().build(), rule);
        }
        Rule existing = bus.rules().get(rule.name());
        Rule stored = existing == null ? rule : rule.withTargets(existing.targets());
        publish(bus, stored.name(), stored);
        return stored;
    }

    synchronized void deleteRule(String busName, String ruleName) {
        Bus bus = bus(busName);
        Optional.ofNullable(bus.rules().get(ruleName)).ifPresent(rule -> {
            if (!rule.targets().isEmpty()) {
                throw new AwsServiceError("ValidationException", "Rule can't be deleted since it has targets.");
            }
            publish(bus, ruleName, null);
        });
    }

    synchronized void putTargets(String busName, String ruleName, List<Target> targets) {
        Rule rule = rule(busName, ruleName);
        Map<String, Target> merged = new LinkedHashMap<>(rule.targets());
        targets.forEach(target -> merged.put(target.id(), target));
        publish(bus(busName), ruleName, rule.withTargets(merged));
    }

    synchronized void removeTargets(String busName, String ruleName, List<String> ids) {
        Rule rule = rule(busName, ruleName);
        Map<String, Target> remaining = new LinkedHashMap<>(rule.targets());
        ids.forEach(remaining::remove);
        publish(bus(busName), ruleName, rule.withTargets(remaining));
    }

    Rule rule(String busName, String ruleName) {
        Bus bus = bus(busName);
        Rule rule = bus.rules().get(ruleName);
        if (rule == null) {
            throw new AwsServiceError("ResourceNotFoundException",
                    "Rule " + ruleName + " does not exist on EventBus " + bus.name() + ".");
        }
        return rule;
    }

    /** The enabled rules of the bus whose pattern matches the event envelope. */
    List<Rule> matching(String busName, JsonNode envelope) {
        Bus bus = bus(busName);
        return bus.machine().rulesForJSONEvent(envelope).stream().distinct().map(bus.rules()::get).toList();
    }

    static String busName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return DEFAULT_BUS;
        }
        int slash = nameOrArn.indexOf("event-bus/");
        return nameOrArn.startsWith("arn:") && slash >= 0 ? nameOrArn.substring(slash + "event-bus/".length()) : nameOrArn;
    }

    private void publish(Bus bus, String ruleName, Rule ruleOrNull) {
        Map<String, Rule> rules = new LinkedHashMap<>(bus.rules());
        if (ruleOrNull == null) {
            rules.remove(ruleName);
        } else {
            rules.put(ruleName, ruleOrNull);
        }
        buses.put(bus.name(), new Bus(bus.name(), bus.arn(), Map.copyOf(rules), machineFor(rules)));
    }

    private static Machine machineFor(Map<String, Rule> rules) {
        Machine machine = Machine.builder().build();
        for (Rule rule : rules.values()) {
            if (rule.enabled() && rule.eventPattern() != null) {
                addPattern(machine, rule);
            }
        }
        return machine;
    }

    /** Event Ruler refuses what EventBridge refuses: empty objects or arrays, non-object patterns, bad JSON. */
    private static void addPattern(Machine machine, Rule rule) {
        try {
            machine.addRule(rule.name(), rule.eventPattern());
        } catch (IOException | RuntimeException e) {
            throw new AwsServiceError("InvalidEventPatternException", "Event pattern is not valid. Reason: " + e.getMessage());
        }
    }
}
