package io.crmflow.filter;

import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.PropertyChange;
import io.crmflow.model.PropertyDefinition;
import io.crmflow.model.PropertyType;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Indexing for filters, so that whoever holds thousands of them (the trigger handler, one per
 * workflow) evaluates against a record only those that could match it. {@link #whenHolds}
 * gives the keys one of which a record shows whenever a condition holds of it; {@link #shownBy}
 * the keys a record shows. A group of conditions filed under the keys of one of them needs
 * evaluating only for records showing one of those keys: of every other record, that
 * condition is false, and so is the group.
 *
 * <p>The keys follow the evaluator's own rules ({@link PropertyMatcher}): every operator but the
 * negative ones holds only of a known value, so "known" is a key of each; equal-to and any-of
 * hold only of a value the engine calls equal to an operand, so that value is; a changed-to
 * holds only when the event changed the property to an operand. Whatever holds of an unknown
 * value (not-equal, none-of, is-unknown), or of other records or stored memberships (associated
 * records, lists, workflows), has no key: a group made only of such conditions is evaluated for
 * every record.
 *
 * <p>Keys are typed by the schema the caller gives; an index built with one schema must not be
 * looked up after a property it read changed type. Stateless and thread-safe.
 */
public final class IndexKeys {
    private static final Set<Operator> HOLD_WHEN_UNKNOWN = EnumSet.of(Operator.IS_UNKNOWN, Operator.NEQ,
            Operator.NONE_OF, Operator.NOT_CONTAINS);

    private IndexKeys() {
    }

    /**
     * Keys one of which every record the condition holds of shows; empty when there are none
     * to give, an empty set when the condition holds of no record.
     */
    public static Optional<Set<IndexKey>> whenHolds(Condition condition, ObjectType schema) {
        if (!(condition instanceof Condition.OnProperty c)) {
            return Optional.empty(); // lists, workflows and associated records are not the record's values
        }
        if (c.property() == null || c.operator() == null) {
            return Optional.of(Set.of());
        }
        Optional<PropertyType> type = typeOf(c.property(), schema);
        if (type.isEmpty()) {
            // Without a type only known-ness can be told (see PropertyMatcher.untyped).
            return c.operator() == Operator.IS_UNKNOWN ? Optional.empty()
                    : Optional.of(c.operator() == Operator.IS_KNOWN ? Set.of(new IndexKey.Known(c.property())) : Set.of());
        }
        if (!OperatorSupport.allows(type.get(), c.operator())
                || !OperatorSupport.acceptsCount(type.get(), c.operator(), c.values().size())) {
            return Optional.of(Set.of());
        }
        if (HOLD_WHEN_UNKNOWN.contains(c.operator())) {
            return Optional.empty();
        }
        return Optional.of(typedKeys(c, type.get()));
    }

    private static Set<IndexKey> typedKeys(Condition.OnProperty c, PropertyType type) {
        String property = c.property();
        Optional<List<Object>> operands = TypedValues.parseAll(type, c.values());
        Set<IndexKey> keys = new LinkedHashSet<>();
        switch (c.operator()) {
            case CHANGED_TO, CHANGED_FROM -> {
                if (c.values().isEmpty()) {
                    return Set.of(new IndexKey.Changed(property));
                }
                operands.orElse(List.of()).forEach(v -> keys.add(c.operator() == Operator.CHANGED_TO
                        ? new IndexKey.ChangedTo(property, TypedValues.key(v))
                        : new IndexKey.ChangedFrom(property, TypedValues.key(v))));
            }
            case EQ, ANY_OF -> {
                if (type == PropertyType.MULTI_ENUMERATION) {
                    Set<Object> wanted = TypedValues.union(operands.orElse(List.of()));
                    if (c.operator() == Operator.EQ) {
                        return operands.isEmpty() ? Set.of() : Set.of(new IndexKey.Value(property, TypedValues.key(wanted)));
                    }
                    wanted.forEach(option -> keys.add(new IndexKey.Option(property, option)));
                } else {
                    operands.orElse(List.of()).forEach(v -> keys.add(new IndexKey.Value(property, TypedValues.key(v))));
                }
            }
            case CONTAINS -> {
                if (operands.isEmpty()) {
                    return Set.of();
                }
                if (type != PropertyType.MULTI_ENUMERATION) {
                    return Set.of(new IndexKey.Known(property));
                }
                // Every option given must be ticked, so the first one is; none given holds of any known value.
                Set<Object> wanted = TypedValues.union(operands.get());
                return Set.of(wanted.isEmpty() ? new IndexKey.Known(property)
                        : new IndexKey.Option(property, wanted.iterator().next()));
            }
            default -> {
                return Set.of(new IndexKey.Known(property)); // ordered, temporal, text and is-known: a known value
            }
        }
        return Set.copyOf(keys);
    }

    /**
     * Shows the keys of {@code record}, and of the {@code changes} the event under evaluation
     * made, for the named properties only: the index knows which properties it filed keys for.
     */
    public static void shownBy(CrmRecord record, List<PropertyChange> changes, ObjectType schema,
                               Set<String> properties, Consumer<IndexKey> into) {
        Map<String, String> values = record.properties();
        if (values.size() <= properties.size()) {
            values.forEach((property, raw) -> {
                if (properties.contains(property)) {
                    shownByValue(property, raw, schema, into);
                }
            });
        } else {
            properties.forEach(property -> shownByValue(property, values.get(property), schema, into));
        }
        for (PropertyChange change : changes) {
            if (properties.contains(change.property())) {
                shownByChange(change, schema, into);
            }
        }
    }

    private static void shownByValue(String property, String raw, ObjectType schema, Consumer<IndexKey> into) {
        if (TypedValues.isBlank(raw)) {
            return;
        }
        into.accept(new IndexKey.Known(property));
        Optional<PropertyType> type = typeOf(property, schema);
        Optional<Object> value = type.flatMap(t -> TypedValues.parse(t, raw));
        if (value.isEmpty()) {
            return;
        }
        into.accept(new IndexKey.Value(property, TypedValues.key(value.get())));
        if (value.get() instanceof Set<?> options) {
            options.forEach(option -> into.accept(new IndexKey.Option(property, option)));
        }
    }

    private static void shownByChange(PropertyChange change, ObjectType schema, Consumer<IndexKey> into) {
        String property = change.property();
        into.accept(new IndexKey.Changed(property));
        Optional<PropertyType> type = typeOf(property, schema);
        if (type.isEmpty()) {
            return;
        }
        changedValue(type.get(), change.to()).ifPresent(to -> into.accept(new IndexKey.ChangedTo(property, to)));
        changedValue(type.get(), change.from()).ifPresent(from -> into.accept(new IndexKey.ChangedFrom(property, from)));
    }

    /** A side of a change as changed-to and changed-from compare it: an unknown side equals no value. */
    private static Optional<Object> changedValue(PropertyType type, String raw) {
        if (TypedValues.isBlank(raw)) {
            return Optional.empty();
        }
        return TypedValues.parse(type, raw).map(TypedValues::key);
    }

    private static Optional<PropertyType> typeOf(String property, ObjectType schema) {
        return schema == null ? Optional.empty() : schema.property(property).map(PropertyDefinition::type);
    }
}
