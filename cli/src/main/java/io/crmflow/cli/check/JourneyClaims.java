package io.crmflow.cli.check;

import io.crmflow.cli.definition.Definition;
import io.crmflow.cli.definition.Kind;
import io.crmflow.cli.definition.Models;
import io.crmflow.cli.remote.Target;
import io.crmflow.journey.EligibilityKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * R-JRN-3 across files: two journeys may not share their eligibility lists and property. The
 * target refuses the second one when it is applied; finding it here keeps the folder from being
 * applied half-way.
 */
final class JourneyClaims {
    private JourneyClaims() {
    }

    static List<Finding> conflicts(List<Definition> folder, Optional<Target> target) {
        Map<String, Definition> holders = new HashMap<>();
        target.map(Target::definitions).orElse(List.of()).stream().filter(d -> d.kind() == Kind.JOURNEY)
                .forEach(d -> holders.put(key(d), d));
        List<Finding> findings = new ArrayList<>();
        Map<String, Definition> claimed = new HashMap<>();
        for (Definition d : folder) {
            if (d.kind() != Kind.JOURNEY) {
                continue;
            }
            String key = key(d);
            Definition other = claimed.putIfAbsent(key, d);
            if (other == null) {
                other = holders.get(key);
            }
            if (other != null && !other.id().equals(d.id()) && folderDoesNotMove(other, folder)) {
                findings.add(Finding.at(d.source(), "/eligibilityLists", Finding.Severity.ERROR, "journey '"
                        + other.id() + "' (" + other.origin() + ") is on the same lists and property; two journeys"
                        + " of a tenant cannot share them"));
            }
        }
        return findings;
    }

    private static String key(Definition journey) {
        return EligibilityKey.of(Models.journey(journey.body()));
    }

    /** A target's journey whose file gives it other lists lets go of them when applied (as a draft at least). */
    private static boolean folderDoesNotMove(Definition other, List<Definition> folder) {
        return other.source() != null || folder.stream().noneMatch(d -> d.key().equals(other.key()));
    }
}
