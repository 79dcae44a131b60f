package io.crmflow.bench.load;

import io.crmflow.bench.Size;
import java.time.Duration;

/**
 * How much load one run makes.
 *
 * @param contacts       contacts created
 * @param events         CRM events planned in all, the contacts' creations included
 * @param poisonsPerKind messages of each poison kind planted among the events
 * @param poisonSpread   the poison is planted among this many first events, so that a run
 *                       cut short by its time box has planted all of it
 * @param makingBudget   how long the producers may make events; when it is spent they stop, and
 *                       the run reports how many of the planned events it made
 */
record LoadShape(int contacts, int events, int poisonsPerKind, int poisonSpread, Duration makingBudget) {
    LoadShape {
        if (contacts < 1 || events < contacts || poisonsPerKind < 1 || poisonSpread < 1 || makingBudget.isNegative()) {
            throw new IllegalArgumentException("a load needs contacts, at least one event each, poison and time");
        }
    }

    /**
     * At full size the 100,000 events took 12.5 minutes on two cores (133 a second,
     * {@code bench/README.md}), and the rest of the run about 10. The 15-minute box stops the
     * producers only on a machine 1.2 times slower or more, which then reports how many it made;
     * it keeps the whole run within 30 minutes on one up to about 1.4 times slower.
     */
    static LoadShape of(Size size) {
        return switch (size) {
            case SMALL -> new LoadShape(200, 1_000, 1, 500, Duration.ofMinutes(5));
            case FULL -> new LoadShape(20_000, 100_000, 5, 5_000, Duration.ofMinutes(15));
        };
    }
}
