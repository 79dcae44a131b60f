package io.crmflow.engine;

import io.crmflow.model.Activity;
import io.crmflow.model.Association;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import io.crmflow.store.ConflictException;
import io.crmflow.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes CRM data as the API receives it: validates every property against the schema,
 * commits the change together with its outbox event, then publishes it for the trigger handler.
 * A refused write leaves nothing behind. Thread-safe.
 */
public final class RecordService {
    private static final int UPDATE_ATTEMPTS = 3;
    private final Ports ports;
    private final EngineSettings settings;
    private final EventPublisher publisher;

    public RecordService(Ports ports, EngineSettings settings) {
        this.ports = ports;
        this.settings = settings;
        this.publisher = new EventPublisher(ports.bus(), ports.outbox());
    }

    /** A record a new one is created associated with; {@code label} may be null (unlabelled). */
    public record NewAssociation(String objectType, String id, String label) {
    }

    public CrmRecord create(String tenantId, String objectType, String id, Map<String, String> properties,
                            Origin origin, Instant now) {
        return create(tenantId, objectType, id, properties, List.of(), origin, now);
    }

    /**
     * Creates a record associated with {@code associations}, all in one commit: whatever its
     * creation triggers already sees them (a new ticket's stage email finds its contacts). Each
     * target must exist; on any problem, with a property or an association, nothing is written.
     */
    public CrmRecord create(String tenantId, String objectType, String id, Map<String, String> properties,
                            List<NewAssociation> associations, Origin origin, Instant now) {
        ObjectType schema = schema(tenantId, objectType);
        List<InputProblem> problems = new ArrayList<>(propertyProblems(schema, properties));
        problems.addAll(NewRecordAssociations.problems(ports.records(), tenantId, associations));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String recordId = id == null || id.isBlank() ? ports.ids().get() : id;
        RecordWrites.Written<CrmEvent.RecordCreated> created;
        try {
            created = RecordWrites.created(tenantId, objectType, recordId, properties, origin, ports.ids().get(), now,
                    settings.watchdog());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("/id", e.getMessage());
        }
        CrmRecord record = created.record();
        try {
            List<Write> writes = new ArrayList<>(created.writes());
            for (NewAssociation t : associations) {
                writes.add(new Write.PutAssociation(tenantId, new Association(record.ref(),
                        new RecordRef(t.objectType(), t.id()), t.label())));
            }
            ports.writer().commit(writes);
        } catch (ConflictException e) {
            throw new AlreadyExistsException(objectType + " '" + recordId + "' already exists");
        }
        publisher.publishCommitted(List.of(created.event()));
        return record;
    }

    public CrmRecord update(String tenantId, String objectType, String id, Map<String, String> properties,
                            Origin origin, Instant now) {
        ObjectType schema = schema(tenantId, objectType);
        validate(schema, properties);
        RecordRef ref = ref(objectType, id);
        for (int attempt = 1; ; attempt++) {
            CrmRecord current = get(tenantId, ref);
            var change = RecordWrites.change(current, properties, origin, ports.ids().get(), now, settings.watchdog());
            if (change.isEmpty()) {
                return current;
            }
            try {
                ports.writer().commit(change.get().writes());
                publisher.publishCommitted(List.of(change.get().event()));
                return change.get().record();
            } catch (ConflictException | io.crmflow.store.WriteContentionException e) {
                if (attempt == UPDATE_ATTEMPTS) {
                    throw new ConcurrentChangeException(ref + " kept changing while it was being updated; try again");
                }
            }
        }
    }

    public CrmRecord get(String tenantId, RecordRef ref) {
        return ports.records().record(tenantId, ref)
                .orElseThrow(() -> new NotFoundException(ref.objectType() + " '" + ref.id() + "' does not exist"));
    }

    /** Activities change no stored state, so they go straight to the bus; a failure is the caller's to retry. */
    public CrmEvent.ActivityLogged logActivity(String tenantId, RecordRef ref, Activity activity, Instant occurredAt,
                                               Origin origin) {
        List<InputProblem> problems = ActivityLimits.problems(activity);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        schema(tenantId, ref.objectType());
        get(tenantId, ref);
        var event = new CrmEvent.ActivityLogged(ports.ids().get(), tenantId, ref, occurredAt, origin, activity);
        ports.bus().publish(List.of(event));
        return event;
    }

    public void associate(String tenantId, Association association) {
        get(tenantId, association.from());
        get(tenantId, association.to());
        ports.writer().commit(List.of(new Write.PutAssociation(tenantId, association)));
    }

    private ObjectType schema(String tenantId, String objectType) {
        Tenants.require(ports, tenantId);
        return new TenantSchemas(ports.definitions(), tenantId).objectType(objectType)
                .orElseThrow(() -> new NotFoundException("object type '" + objectType + "' does not exist"));
    }

    private static void validate(ObjectType schema, Map<String, String> properties) {
        List<InputProblem> problems = propertyProblems(schema, properties);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Every property problem, by pointer. */
    private static List<InputProblem> propertyProblems(ObjectType schema, Map<String, String> properties) {
        List<InputProblem> problems = new ArrayList<>();
        properties.forEach((name, value) -> {
            String at = "/properties/" + name;
            var definition = schema.property(name);
            if (definition.isEmpty()) {
                problems.add(new InputProblem(at, "property '" + name + "' does not exist on " + schema.name()));
            } else {
                definition.get().problemWith(value).ifPresent(p -> problems.add(new InputProblem(at, p)));
            }
        });
        problems.sort(java.util.Comparator.comparing(InputProblem::pointer));
        return problems;
    }

    private static RecordRef ref(String objectType, String id) {
        try {
            return new RecordRef(objectType, id);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("/id", e.getMessage());
        }
    }
}
