package io.crmflow.bench.load;

import io.crmflow.model.ActivityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The events of a load, drawn from a seed: each contact is created, then changed or active a few
 * times; some are leads or customers from the start, some become one later, the rest never do.
 * Contacts arrive at random times over the run and each lives a short stretch of it, its events
 * in order and interleaved with other contacts': so any first part of the plan — all a time box
 * may let a run make — holds whole contacts in the plan's mix, not only creations. Lifecycle
 * stages only move forward, so a contact that was ever eligible for the reference workflow still
 * is at the end. Immutable.
 *
 * @param events   every event in the order the load makes them
 * @param eligible the contacts that the reference workflow must enroll
 */
record LoadPlan(List<PlannedEvent> events, Set<String> eligible) {
    /** The share of the run one contact's events are spread over. */
    private static final double LIFETIME = 0.02;
    private static final List<String> PLAIN_PROPERTIES = List.of("phone", "lastname", "firstname");
    private static final List<ActivityType> ACTIVITIES = List.of(ActivityType.CALL_LOGGED, ActivityType.EMAIL_OPENED,
            ActivityType.PAGE_VIEWED, ActivityType.FORM_SUBMITTED);

    LoadPlan {
        events = List.copyOf(events);
        eligible = Set.copyOf(eligible);
    }

    static LoadPlan draw(LoadShape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        record Timed(double at, PlannedEvent event) {
        }
        List<Timed> timed = new ArrayList<>(shape.events());
        Set<String> eligible = new HashSet<>();
        for (int i = 0; i < shape.contacts(); i++) {
            int count = shape.events() / shape.contacts() + (i < shape.events() % shape.contacts() ? 1 : 0);
            List<PlannedEvent> own = contact("c-" + i, count, random);
            double arrives = random.nextDouble() * (1 - LIFETIME);
            double[] at = random.doubles(count).sorted().toArray();
            for (int k = 0; k < count; k++) {
                timed.add(new Timed(arrives + at[k] * LIFETIME, own.get(k)));
            }
            if (own.stream().anyMatch(PlannedEvent::enrolls)) {
                eligible.add("c-" + i);
            }
        }
        timed.sort(Comparator.comparingDouble(Timed::at));
        return new LoadPlan(timed.stream().map(Timed::event).toList(), eligible);
    }

    /** The plan's events split among {@code producers}, each contact's events all with one, in order. */
    List<List<PlannedEvent>> split(int producers) {
        List<List<PlannedEvent>> shares = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            shares.add(new ArrayList<>());
        }
        for (PlannedEvent event : events) {
            shares.get(Math.floorMod(event.contactId().hashCode(), producers)).add(event);
        }
        return shares;
    }

    /**
     * One contact's events: 15 in 100 start as leads or customers; of the rest, one in ten
     * becomes a lead later — about a quarter of the contacts enroll in all —, and some leads
     * become customers; the other follow-ups are plain property changes and activities, half each.
     */
    private static List<PlannedEvent> contact(String id, int count, SplittableRandom random) {
        String[] stages = new String[count];
        double start = random.nextDouble();
        stages[0] = start < 0.12 ? "lead" : start < 0.15 ? "customer" : "subscriber";
        if (count > 1 && stages[0].equals("subscriber") && random.nextDouble() < 0.1) {
            int becomesLead = 1 + random.nextInt(count - 1);
            stages[becomesLead] = "lead";
            if (becomesLead + 1 < count && random.nextDouble() < 0.25) {
                stages[becomesLead + 1 + random.nextInt(count - becomesLead - 1)] = "customer";
            }
        } else if (count > 1 && stages[0].equals("lead") && random.nextDouble() < 0.3) {
            stages[1 + random.nextInt(count - 1)] = "customer";
        }
        List<PlannedEvent> events = new ArrayList<>(count);
        boolean enrolled = !stages[0].equals("subscriber");
        events.add(new PlannedEvent.Creation(id, Map.of("email", id + "@load.example", "firstname", "First " + id,
                "lastname", "Last", "lifecyclestage", stages[0]), enrolled));
        for (int k = 1; k < count; k++) {
            if (stages[k] != null) {
                events.add(new PlannedEvent.Change(id, Map.of("lifecyclestage", stages[k]), !enrolled));
                enrolled = true;
            } else if (random.nextBoolean()) {
                String property = PLAIN_PROPERTIES.get(random.nextInt(PLAIN_PROPERTIES.size()));
                events.add(new PlannedEvent.Change(id, Map.of(property, "v" + k + "-" + random.nextInt(1000)), false));
            } else {
                events.add(new PlannedEvent.Activity(id, ACTIVITIES.get(random.nextInt(ACTIVITIES.size()))));
            }
        }
        return events;
    }
}
