package io.crmflow.engine;

import io.crmflow.journey.Journey;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.JourneyView;
import io.crmflow.store.JourneyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The definitions of one journey's versions as one request reads them: each version read at most
 * once, since the draft, the published version and a restored one are often the same (right after
 * a publish the draft is the published version). Lives for one request; not thread-safe.
 */
final class JourneyVersions {
    private final JourneyStore store;
    private final Journey journey;
    private final Map<Long, Optional<JourneyDefinition>> read = new HashMap<>();

    JourneyVersions(JourneyStore store, Journey journey) {
        this.store = store;
        this.journey = journey;
    }

    /** The definition of version {@code number}, if the journey has one. */
    Optional<JourneyDefinition> find(long number) {
        return read.computeIfAbsent(number, n -> store.journeyDefinition(journey.tenantId(), journey.id(), n));
    }

    /** The draft: the definition of the journey's latest version, which it always has. */
    JourneyDefinition draft() {
        return required(journey.version());
    }

    /** What contacts follow; null while never published. */
    JourneyDefinition published() {
        return journey.isPublished() ? required(journey.publishedVersion()) : null;
    }

    JourneyView view() {
        return JourneyView.of(journey, draft(), published());
    }

    private JourneyDefinition required(long number) {
        return find(number).orElseThrow(() -> new IllegalStateException(
                "journey '" + journey.id() + "' lacks the definition of version " + number));
    }
}
