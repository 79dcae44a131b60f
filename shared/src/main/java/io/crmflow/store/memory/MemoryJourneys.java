package io.crmflow.store.memory;

import io.crmflow.journey.Journey;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.JourneyVersion;
import io.crmflow.journey.StageVersion;
import io.crmflow.store.KeyPaging;
import io.crmflow.store.Page;
import io.crmflow.store.Write;
import io.crmflow.store.memory.MemoryState.TenantKey;
import io.crmflow.store.memory.MemoryState.VersionKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * The in-memory store's journeys: their data, and what each {@link Write.JourneyWrite} touches,
 * requires and does — item for item as the DynamoDB adapter's {@code JourneyCodec}.
 *
 * <p>Not thread-safe: {@link InMemoryStore} guards every access with its lock.
 */
final class MemoryJourneys {
    /** By tenant, then journey id. */
    private final Map<String, NavigableMap<String, Journey>> journeys = new HashMap<>();
    /** By tenant and journey id, then the zero-padded version number. */
    private final Map<TenantKey, NavigableMap<String, JourneyVersion>> versions = new HashMap<>();
    private final Map<VersionKey, JourneyDefinition> definitions = new HashMap<>();
    /** By tenant and "{journey id}#{stage id}", then the zero-padded version number. */
    private final Map<TenantKey, NavigableMap<String, StageVersion>> stageVersions = new HashMap<>();
    /** By tenant and eligibility key: the journey holding it. */
    private final Map<TenantKey, String> claims = new HashMap<>();
    /** By tenant and user id. */
    private final Map<TenantKey, Long> owned = new HashMap<>();

    static List<String> items(Write.JourneyWrite write) {
        if (write instanceof Write.PutJourney w) {
            String journey = "journey|" + w.journey().tenantId() + "|" + w.journey().id();
            List<String> items = new java.util.ArrayList<>(List.of(journey, journey + "|v" + w.version().number(),
                    journey + "|d" + w.version().number()));
            StageVersion.of(w.version()).forEach(s -> items.add(journey + "|s" + s.stageId() + "|" + s.number()));
            return items;
        } else if (write instanceof Write.ClaimEligibility w) {
            return List.of("eligibility|" + w.tenantId() + "|" + w.key());
        } else if (write instanceof Write.ReleaseEligibility w) {
            return List.of("eligibility|" + w.tenantId() + "|" + w.key());
        } else if (write instanceof Write.CountOwnedJourney w) {
            return List.of("owned|" + w.tenantId() + "|" + w.userId());
        }
        throw new IllegalArgumentException("unknown journey write " + write);
    }

    /** Why the write's condition fails, or null when it holds. */
    String conflict(Write.JourneyWrite write) {
        if (write instanceof Write.PutJourney w) {
            Journey stored = MemoryState.sortedOrEmpty(journeys, w.journey().tenantId()).get(w.journey().id());
            if (w.expectedVersion() == 0 ? stored != null : stored == null || stored.version() != w.expectedVersion()) {
                return "journey " + w.journey().id() + " is not at version " + w.expectedVersion();
            }
            return definitions.containsKey(versionKey(w)) ? "version " + w.version().number() + " exists" : null;
        } else if (write instanceof Write.ClaimEligibility w) {
            String holder = claims.get(new TenantKey(w.tenantId(), w.key()));
            return holder == null || holder.equals(w.journeyId()) ? null : "journey " + holder + " holds " + w.key();
        } else if (write instanceof Write.ReleaseEligibility w) {
            return w.journeyId().equals(claims.get(new TenantKey(w.tenantId(), w.key()))) ? null
                    : "journey " + w.journeyId() + " does not hold " + w.key();
        } else if (write instanceof Write.CountOwnedJourney w) {
            return owned.getOrDefault(new TenantKey(w.tenantId(), w.userId()), 0L) < w.max() ? null
                    : "user " + w.userId() + " owns " + w.max() + " journeys";
        }
        return null;
    }

    void apply(Write.JourneyWrite write) {
        if (write instanceof Write.PutJourney w) {
            Journey j = w.journey();
            MemoryState.sortedIn(journeys, j.tenantId()).put(j.id(), j);
            MemoryState.sortedIn(versions, new TenantKey(j.tenantId(), j.id())).put(number(w.version().number()),
                    w.version());
            definitions.put(versionKey(w), w.definition());
            for (StageVersion s : StageVersion.of(w.version())) {
                MemoryState.sortedIn(stageVersions, new TenantKey(j.tenantId(), j.id() + "#" + s.stageId()))
                        .put(number(s.number()), s);
            }
        } else if (write instanceof Write.ClaimEligibility w) {
            claims.put(new TenantKey(w.tenantId(), w.key()), w.journeyId());
        } else if (write instanceof Write.ReleaseEligibility w) {
            claims.remove(new TenantKey(w.tenantId(), w.key()));
        } else if (write instanceof Write.CountOwnedJourney w) {
            owned.merge(new TenantKey(w.tenantId(), w.userId()), 1L, Long::sum);
        }
    }

    Optional<Journey> journey(String tenantId, String journeyId) {
        return Optional.ofNullable(MemoryState.sortedOrEmpty(journeys, tenantId).get(journeyId));
    }

    Page<Journey> journeys(String tenantId, String cursor, int limit) {
        return KeyPaging.page(MemoryState.sortedOrEmpty(journeys, tenantId), "journeys|" + tenantId, cursor, limit);
    }

    Optional<JourneyDefinition> definition(String tenantId, String journeyId, long version) {
        return Optional.ofNullable(definitions.get(new VersionKey(tenantId, journeyId, version)));
    }

    Optional<JourneyVersion> version(String tenantId, String journeyId, long version) {
        return Optional.ofNullable(MemoryState.sortedOrEmpty(versions, new TenantKey(tenantId, journeyId))
                .get(number(version)));
    }

    Page<JourneyVersion> versions(String tenantId, String journeyId, String cursor, int limit) {
        return KeyPaging.page(MemoryState.sortedOrEmpty(versions, new TenantKey(tenantId, journeyId))
                .descendingMap(), "journey-versions|" + tenantId + "|" + journeyId, cursor, limit);
    }

    Page<StageVersion> stageVersions(String tenantId, String journeyId, String stageId, String cursor, int limit) {
        return KeyPaging.page(MemoryState.sortedOrEmpty(stageVersions,
                new TenantKey(tenantId, journeyId + "#" + stageId)).descendingMap(),
                "stage-versions|" + tenantId + "|" + journeyId + "|" + stageId, cursor, limit);
    }

    Optional<String> eligibilityHolder(String tenantId, String key) {
        return Optional.ofNullable(claims.get(new TenantKey(tenantId, key)));
    }

    long owned(String tenantId, String userId) {
        return owned.getOrDefault(new TenantKey(tenantId, userId), 0L);
    }

    private static VersionKey versionKey(Write.PutJourney w) {
        return new VersionKey(w.journey().tenantId(), w.journey().id(), w.version().number());
    }

    private static String number(long n) {
        return String.format("%010d", n);
    }
}
