package io.crmflow.bench.flowable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Flowable side's delegates act on in place of a CRM: contact records as maps of
 * properties, the tasks made, and an outbox of emails that never leave. As cheap as crmflow's
 * in-memory store or cheaper — plain maps with no lock — so the comparison measures the engines.
 *
 * <p>Not thread-safe: Flowable runs here with its async executor off, on the one calling thread.
 */
final class CrmStandIn {
    record Task(String contactId, String subject, String body, Instant due) {
    }

    record Email(String to, String from, String subject, String body) {
    }

    final Map<String, Map<String, String>> contacts = new HashMap<>();
    final List<Task> tasks = new ArrayList<>();
    final List<Email> outbox = new ArrayList<>();
    /** How often the set-property delegate ran, whatever it set. */
    long propertiesSet;

    void put(Contact contact) {
        contacts.put(contact.id(), new HashMap<>(contact.properties()));
    }

    void setProperty(String contactId, String property, String value) {
        contacts.get(contactId).put(property, value);
        propertiesSet++;
    }
}
