package io.crmflow.filter;

import io.crmflow.model.PropertyChange;
import io.crmflow.model.PropertyType;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One line of an operator table: a property of {@code type} holding {@code stored} (null for
 * empty), tested with {@code operator} and {@code values}, should or should not match. The
 * property is the one of {@link TestSchemas#THING} of that type; the clock is
 * {@link TestFilterContext#NOW} in UTC.
 */
record OperatorRow(PropertyType type, String stored, List<PropertyChange> changes, Operator operator,
                   List<String> values, boolean expected) {

    private static final Map<PropertyType, String> PROPERTY = Map.of(
            PropertyType.STRING, "text", PropertyType.NUMBER, "number", PropertyType.BOOL, "flag",
            PropertyType.DATE, "day", PropertyType.DATETIME, "moment", PropertyType.ENUMERATION, "tier",
            PropertyType.MULTI_ENUMERATION, "colors");

    static OperatorRow row(PropertyType type, String stored, Operator operator, boolean expected, String... values) {
        return new OperatorRow(type, stored, List.of(), operator, List.of(values), expected);
    }

    /** A row about the event's change of the property from {@code from} to {@code to}. */
    static OperatorRow change(PropertyType type, String from, String to, Operator operator, boolean expected,
                              String... values) {
        PropertyChange change = new PropertyChange(PROPERTY.get(type), from, to);
        return new OperatorRow(type, to, List.of(change), operator, List.of(values), expected);
    }

    static String propertyOf(PropertyType type) {
        return PROPERTY.get(type);
    }

    boolean evaluate() {
        Map<String, String> properties = new HashMap<>();
        if (stored != null) {
            properties.put(propertyOf(type), stored);
        }
        TestFilterContext context = TestFilterContext.of(TestSchemas.THING, properties)
                .withChanges(changes.toArray(PropertyChange[]::new));
        Filter filter = Filter.allOf(new Condition.OnProperty(propertyOf(type), operator, values));
        return Filters.matches(filter, context);
    }

    /**
     * The (type, operator, outcome) triples {@link OperatorSupport} allows that no row covers:
     * every supported operator must be shown both matching and not matching.
     */
    static Set<String> gaps(Collection<OperatorRow> rows, Set<PropertyType> types) {
        Set<String> missing = new TreeSet<>();
        for (PropertyType type : types) {
            for (Operator operator : EnumSet.copyOf(OperatorSupport.operatorsFor(type))) {
                for (boolean outcome : new boolean[] {true, false}) {
                    boolean covered = rows.stream().anyMatch(r -> r.type == type && r.operator == operator
                            && r.expected == outcome);
                    if (!covered) {
                        missing.add(type + " " + operator + " -> " + outcome);
                    }
                }
            }
        }
        return missing;
    }

    @Override
    public String toString() {
        String subject = changes.isEmpty() ? "'" + stored + "'" : changes.get(0).from() + " -> " + changes.get(0).to();
        return type.name().toLowerCase(Locale.ROOT) + " " + subject + " " + operator.wireName() + " " + values
                + " is " + expected;
    }
}
