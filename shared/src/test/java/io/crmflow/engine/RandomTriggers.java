package io.crmflow.engine;

import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.TriggerEvent;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Condition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.FilterGroup;
import io.crmflow.filter.Operator;
import io.crmflow.model.Activity;
import io.crmflow.model.ActivityType;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Origin;
import io.crmflow.model.PropertyChange;
import io.crmflow.model.PropertyDefinition;
import io.crmflow.model.PropertyType;
import io.crmflow.store.EnrollmentSlot;
import io.crmflow.store.RecordView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random workflows, records and events over a schema with a property of every type, whose
 * values come in the spellings the filter engine must call equal ("10", "10.0", "1e1"; "Alpha",
 * "ALPHA"; "red;green", "Green;RED") and in ones it must not (" alpha", "abc"): what an index of
 * triggers has to get exactly right. Seeded, so a failure names the case that made it.
 */
final class RandomTriggers {
    static final String TENANT = "t1";
    static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
    static final ObjectType THING = ObjectType.custom("thing", List.of(
            PropertyDefinition.of("text", PropertyType.STRING),
            PropertyDefinition.enumeration("tier", "gold", "silver", "bronze"),
            PropertyDefinition.of("number", PropertyType.NUMBER),
            PropertyDefinition.of("flag", PropertyType.BOOL),
            PropertyDefinition.of("day", PropertyType.DATE),
            PropertyDefinition.of("moment", PropertyType.DATETIME),
            new PropertyDefinition("colors", PropertyType.MULTI_ENUMERATION, List.of("red", "green", "blue"))));
    /** Every property's values, and "ghost", which the schema does not have. */
    static final Map<String, List<String>> VALUES = values();
    private static final List<String> LISTS = List.of("l1", "l2", "l3");
    private static final List<ActivityType> ACTIVITIES = List.of(ActivityType.CALL_LOGGED, ActivityType.EMAIL_REPLIED,
            ActivityType.FORM_SUBMITTED);

    private final Random random;
    private final List<String> workflowIds;

    RandomTriggers(long seed, int workflows) {
        this.random = new Random(seed);
        this.workflowIds = new ArrayList<>();
        for (int i = 0; i < workflows; i++) {
            workflowIds.add(String.format("wf%03d", i));
        }
    }

    List<WorkflowDefinition> workflows() {
        List<WorkflowDefinition> all = new ArrayList<>();
        for (String id : workflowIds) {
            all.add(new WorkflowDefinition(TENANT, id, null, THING.name(), 1 + random.nextInt(3), true, trigger(), null,
                    List.of()));
        }
        return all;
    }

    private EnrollmentTrigger trigger() {
        boolean reenroll = random.nextInt(4) == 0;
        if (random.nextInt(10) < 7) {
            return new EnrollmentTrigger(filter(), reenroll);
        }
        List<TriggerEvent> events = new ArrayList<>();
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
            events.add(triggerEvent());
        }
        return new EnrollmentTrigger(random.nextBoolean() ? Filter.NONE : filter(), reenroll, events);
    }

    private TriggerEvent triggerEvent() {
        return switch (random.nextInt(9)) {
            case 0, 1, 2, 3 -> {
                String property = property();
                yield new TriggerEvent.PropertyChanged(property, some(property, 2), some(property, 1));
            }
            case 4 -> new TriggerEvent.RecordCreated();
            case 5 -> new TriggerEvent.ActivityLogged(pick(ACTIVITIES),
                    random.nextBoolean() ? Map.of() : Map.of("outcome", pick(List.of("connected", "CONNECTED", "busy"))));
            case 6 -> random.nextBoolean() ? new TriggerEvent.ListJoined(pick(LISTS)) : new TriggerEvent.ListLeft(pick(LISTS));
            case 7 -> new TriggerEvent.EnrolledInWorkflow(pick(workflowIds));
            default -> random.nextBoolean() ? new TriggerEvent.CompletedWorkflow(pick(workflowIds))
                    : new TriggerEvent.GoalMet(pick(workflowIds));
        };
    }

    private Filter filter() {
        List<FilterGroup> groups = new ArrayList<>();
        for (int g = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3); g > 0; g--) {
            List<Condition> conditions = new ArrayList<>();
            for (int c = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(3); c > 0; c--) {
                conditions.add(condition());
            }
            groups.add(new FilterGroup(conditions));
        }
        return new Filter(groups);
    }

    private Condition condition() {
        return switch (random.nextInt(20)) {
            case 0 -> new Condition.InList(pick(LISTS), random.nextBoolean());
            case 1 -> new Condition.InWorkflow(pick(workflowIds), pick(List.of(Condition.WorkflowState.values())));
            case 2 -> new Condition.OnAssociated("company", onProperty());
            case 3 -> new Condition.OnProperty(random.nextBoolean() ? null : property(),
                    random.nextBoolean() ? null : Operator.EQ, some("text", 1));
            default -> onProperty();
        };
    }

    private Condition.OnProperty onProperty() {
        String property = property();
        // Now and then an operand of another property's type, which the condition never accepts.
        String valuesOf = random.nextInt(10) == 0 ? property() : property;
        return new Condition.OnProperty(property, pick(List.of(Operator.values())), some(valuesOf, 3));
    }

    CrmRecord record() {
        Map<String, String> properties = new HashMap<>();
        VALUES.forEach((property, values) -> {
            if (random.nextInt(10) < 7) {
                properties.put(property, pick(values));
            }
        });
        return new CrmRecord(TENANT, THING.name(), "r1", properties, 1, NOW, NOW);
    }

    /** The record with what is stored beside it: some static lists, and slots in some of the workflows. */
    RecordView view(CrmRecord record) {
        Set<String> lists = new HashSet<>();
        LISTS.forEach(list -> {
            if (random.nextBoolean()) {
                lists.add(list);
            }
        });
        Map<String, EnrollmentSlot> slots = new LinkedHashMap<>();
        for (String id : workflowIds) {
            if (random.nextInt(6) == 0) {
                slots.put(id, new EnrollmentSlot(id + "~thing~r1", 1, random.nextBoolean()));
            }
        }
        return new RecordView(record, List.of(), lists, slots, List.of(), List.of());
    }

    /**
     * An event about the record. A property change usually left the record as it is (its new
     * values are the record's), sometimes not: the record moved on before the event was handled.
     */
    CrmEvent event(CrmRecord record) {
        var ref = record.ref();
        Origin origin = random.nextInt(10) == 0 ? Origin.workflow(pick(workflowIds)) : Origin.api();
        String id = "e" + random.nextInt(1_000_000);
        return switch (random.nextInt(8)) {
            case 0, 1, 2, 3 -> new CrmEvent.PropertiesChanged(id, TENANT, ref, NOW, origin, changes(record));
            case 4 -> new CrmEvent.RecordCreated(id, TENANT, ref, NOW, origin);
            case 5 -> new CrmEvent.ActivityLogged(id, TENANT, ref, NOW, origin, new Activity(pick(ACTIVITIES),
                    new Activity.Actor(Activity.ActorKind.USER, "u1"),
                    random.nextBoolean() ? Map.of() : Map.of("Outcome", pick(List.of("connected", "busy")))));
            case 6 -> new CrmEvent.ListMembershipChanged(id, TENANT, ref, NOW, origin, pick(LISTS), random.nextBoolean());
            default -> new CrmEvent.WorkflowMilestone(id, TENANT, ref, NOW, origin, pick(workflowIds),
                    pick(List.of(CrmEvent.WorkflowMilestone.Milestone.values())));
        };
    }

    private List<PropertyChange> changes(CrmRecord record) {
        List<PropertyChange> changes = new ArrayList<>();
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
            String property = property();
            String from = random.nextInt(4) == 0 ? null : pick(VALUES.get(property));
            String to = random.nextInt(10) < 7 ? record.properties().get(property)
                    : random.nextInt(4) == 0 ? null : pick(VALUES.get(property));
            changes.add(new PropertyChange(property, from, to));
        }
        return changes;
    }

    private String property() {
        return pick(List.copyOf(VALUES.keySet()));
    }

    /** Up to {@code most} of the property's values; an empty list now and then. */
    private List<String> some(String property, int most) {
        List<String> values = new ArrayList<>();
        for (int n = random.nextInt(most + 1); n > 0; n--) {
            values.add(pick(VALUES.get(property)));
        }
        return values;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static Map<String, List<String>> values() {
        String midnight = String.valueOf(Instant.parse("2026-03-01T00:00:00Z").toEpochMilli());
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("text", List.of("Alpha", "alpha", "ALPHA", " alpha", "beta", "Beta Gamma", "al", "  "));
        values.put("tier", List.of("gold", "GOLD", "silver", "bronze", "platinum"));
        values.put("number", List.of("10", "10.0", "1e1", "1E+1", "010", "0", "0.00", "-0", "3.5", "abc",
                "100E2147483647", "1000E2147483646"));
        values.put("flag", List.of("true", "TRUE", " true", "false", "False", "yes"));
        values.put("day", List.of("2026-03-01", " 2026-03-01", "2026-03-02", "2026-03-09", "2026-3-1"));
        values.put("moment", List.of("2026-03-01T00:00:00Z", "2026-03-01T01:00:00+01:00", midnight,
                "2026-03-10T10:00:00Z", "not a time"));
        values.put("colors", List.of("red", "RED;green", "green;red", "red;red", "blue", "; ;", "red;blue;green"));
        values.put("ghost", List.of("x", "X", " "));
        return values;
    }
}
