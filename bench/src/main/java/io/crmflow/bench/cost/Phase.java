package io.crmflow.bench.cost;

import io.crmflow.local.Invocations;
import io.crmflow.local.RequestCounts;
import java.util.List;
import java.util.function.Predicate;

/**
 * What one part of a run cost, as counted: the requests made, the function invocations and the
 * bytes logged. Immutable.
 */
record Phase(List<RequestCounts.Tally> requests, List<Invocations.Tally> invocations, long logBytes) {
    Phase {
        requests = List.copyOf(requests);
        invocations = List.copyOf(invocations);
    }

    /** The part of a recording made by the functions {@code made} accepts (requests by their caller). */
    static Phase of(RequestCounts.Recording requests, Invocations.Recording invocations, Predicate<String> made,
                    long logBytes) {
        return new Phase(requests.tallies().stream().filter(t -> made.test(t.key().caller())).toList(),
                invocations.tallies().stream().filter(t -> made.test(t.function())).toList(), logBytes);
    }
}
