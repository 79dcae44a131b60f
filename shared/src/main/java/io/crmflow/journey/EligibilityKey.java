package io.crmflow.journey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * What R-JRN-3 keeps unique among a tenant's journeys: a property together with a set of
 * eligibility lists. The key is a hash, so it has a fixed length whatever the ids, and the lists
 * are sorted and deduplicated first, so their order does not matter. Stateless.
 */
public final class EligibilityKey {
    private EligibilityKey() {
    }

    public static String of(String property, List<String> lists) {
        StringBuilder text = new StringBuilder(property == null ? "" : property);
        new TreeSet<>(lists).forEach(list -> text.append('\n').append(list));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String of(JourneyDefinition d) {
        return of(d.property(), d.eligibilityLists());
    }
}
