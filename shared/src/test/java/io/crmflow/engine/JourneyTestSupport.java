package io.crmflow.engine;

import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.JourneyExamples;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import io.crmflow.model.User;
import io.crmflow.store.Write;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documented journey ({@link JourneyExamples#NURTURE}) published on the in-memory engine, and
 * what the journey tests do to its contacts: create them, put them on lists, change their
 * lifecycle stage, publish another version, read their enrollment and the journey's counters.
 */
abstract class JourneyTestSupport {
    static final String T = "t1";
    static final String J = "nurture";
    static final String WF = JourneyWorkflows.idFor(J);
    final EngineHarness h = new EngineHarness().withTenant(T);

    JourneyTestSupport() {
        JourneyExamples.lists().forEach(list -> h.engine.definitions().putList(T, list));
        h.store.commit(List.of(new Write.PutUser(T, new User("ana", "ana@example.com", "Ana"))));
        h.engine.journeys().create(T, "ana", "/owner", J, JourneyExamples.nurture());
        h.engine.journeys().publish(T, J, false, false, null, "ana");
    }

    /** A marketing contact with a phone, on no list; {@code lifecyclestage} null for none. */
    RecordRef contact(String id, String lifecyclestage) {
        Map<String, String> values = new HashMap<>(Map.of("email", id + "@example.com", "firstname", id,
                "phone", "+33600000000", "hs_marketable_status", "true"));
        if (lifecyclestage != null) {
            values.put("lifecyclestage", lifecyclestage);
        }
        h.engine.records().create(T, "contact", id, values, Origin.api(), h.now);
        h.pump();
        return new RecordRef("contact", id);
    }

    /** A contact with no lifecycle stage that joins the eligibility list, so it enrolls into the start stage. */
    RecordRef eligibleContact(String id) {
        RecordRef c = contact(id, null);
        join(c, "newsletter");
        return c;
    }

    void join(RecordRef c, String list) {
        h.engine.definitions().setListMembership(T, list, c, true, h.now);
        h.pump();
    }

    void set(RecordRef c, String lifecyclestage) {
        h.engine.records().update(T, "contact", c.id(), Map.of("lifecyclestage", lifecyclestage), Origin.api(), h.now);
        h.pump();
    }

    /** Saves {@code d} as the draft and publishes it, existing contacts left alone. */
    void publish(JourneyDefinition d) {
        long v = h.engine.journeys().saveDraft(T, J, d, h.engine.journeys().view(T, J).journey().version(), "ana")
                .journey().version();
        h.engine.journeys().publish(T, J, false, false, v, "ana");
    }

    Enrollment enrollment(RecordRef c) {
        return h.store.enrollmentOf(T, WF, c).orElseThrow();
    }

    Map<String, Long> counters() {
        return h.store.counters(T, WF);
    }
}
