package io.crmflow.bench.flowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A contact as both engines are handed it: the same ids, names, addresses and lifecycle stages
 * on each side, so both do exactly the same work. Immutable.
 */
record Contact(String id, String firstname, String email, String lifecyclestage) {
    static final String CUSTOMER = "customer";
    static final String LEAD = "lead";

    /** {@code count} contacts, every other one a customer and the rest leads: both branches carry half. */
    static List<Contact> batch(String prefix, int count) {
        List<Contact> contacts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            contacts.add(new Contact(id, "Ada " + i, id + "@example.com", i % 2 == 0 ? CUSTOMER : LEAD));
        }
        return contacts;
    }

    boolean isCustomer() {
        return CUSTOMER.equals(lifecyclestage);
    }

    /** The reference workflow's trigger: lead or customer. */
    boolean enrolls() {
        return isCustomer() || LEAD.equals(lifecyclestage);
    }

    /** The job title the reference workflow gives it: its branch's set-property. */
    String expectedJobTitle() {
        return isCustomer() ? "Customer" : "Prospect";
    }

    /** Its properties as the CRM keeps them. */
    Map<String, String> properties() {
        return Map.of("firstname", firstname, "email", email, "lifecyclestage", lifecyclestage);
    }
}
