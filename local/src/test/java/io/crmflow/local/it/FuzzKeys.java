package io.crmflow.local.it;

import io.crmflow.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fuzz's bookkeeping of idempotency keys (R-RUN-6): the POSTs it sent with a key, and the
 * first successful answer each key got in its scope, which must be the only one the key ever
 * gets again. Not thread-safe (one fuzz run, one thread).
 */
final class FuzzKeys {
    /** How many keyed requests are remembered to be sent again: the latest, so memory stays small. */
    private static final int RECENT = 200;

    /**
     * A request sent with an idempotency key, and what it was answered.
     *
     * @param tenant the tenant its client's token names: the scope of its key
     */
    record Keyed(String client, String tenant, Api api, String method, String path, String body,
                 Map<String, String> headers, Api.Answer answer) {
        String key() {
            return headers.get("idempotency-key");
        }

        boolean replayed() {
            return "true".equals(answer.header("idempotent-replayed"));
        }

        /** The user the request is made for: the client's own, which it sends over any header given. */
        String user() {
            return client.equals("ana") ? "ana" : headers.get("x-crmflow-user");
        }
    }

    private final List<Keyed> recent = new ArrayList<>();
    private final Map<String, Keyed> firstAnswered = new HashMap<>();

    List<Keyed> recent() {
        return recent;
    }

    /**
     * Takes note of a keyed request, and says what is wrong with its answer: a replay must be the
     * first answer byte for byte and never answer a request that plainly differs from the first
     * (another method, path, user or body); a key answered once must never run again.
     */
    List<String> note(Keyed sent) {
        recent.add(sent);
        if (recent.size() > RECENT) {
            recent.remove(0);
        }
        String scopedKey = sent.tenant() + " " + sent.key();
        Keyed first = firstAnswered.get(scopedKey);
        if (sent.replayed()) {
            if (first == null) {
                return List.of("replayed an answer, yet no request with this key was answered");
            }
            if (first.answer().status() != sent.answer().status()
                    || !Objects.equals(first.answer().body(), sent.answer().body())) {
                return List.of("replayed another answer than the first: " + first.answer().status() + " "
                        + first.answer().body());
            }
            if (plainlyDiffer(first, sent)) {
                return List.of("replayed the answer of another request: " + first.method() + " " + first.path());
            }
        } else if (sent.answer().status() / 100 == 2) {
            if (first != null) {
                return List.of("ran again although its key was answered before (" + first.method() + " "
                        + first.path() + ")");
            }
            firstAnswered.put(scopedKey, sent);
        }
        return List.of();
    }

    private static boolean plainlyDiffer(Keyed a, Keyed b) {
        return !a.method().equals(b.method()) || !a.path().split("\\?")[0].equals(b.path().split("\\?")[0])
                || !Objects.equals(a.user(), b.user()) || !sameBody(a.body(), b.body());
    }

    private static boolean sameBody(String a, String b) {
        boolean aEmpty = a == null || a.isEmpty();
        boolean bEmpty = b == null || b.isEmpty();
        if (aEmpty || bEmpty) {
            return aEmpty == bEmpty;
        }
        try {
            return Json.tree(a).equals(Json.tree(b));
        } catch (RuntimeException notJson) {
            return a.equals(b);
        }
    }
}
