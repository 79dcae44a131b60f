package io.crmflow.filter;

/**
 * A fact about a record, or about the change an event made to it, that filters can be indexed
 * by ({@link IndexKeys}): an index files a filter under the keys one of which every record it
 * matches shows, and looks a record up by the keys it shows. Values are typed by the
 * property's schema and held in the form the filter engine compares them in — text and
 * options in lower case, numbers by value — so equal keys mean values the engine calls equal.
 */
public sealed interface IndexKey {

    /** The property the key is about. */
    String property();

    /**
     * How widely records show the key, so a group is filed under its narrowest condition: 0 for
     * a value, 1 for any change of a property, 2 for a property being known.
     */
    default int breadth() {
        return this instanceof Known ? 2 : this instanceof Changed ? 1 : 0;
    }

    /** The property has a value (is not blank). */
    record Known(String property) implements IndexKey {
    }

    /** The property's whole typed value; for a multi-checkbox, the set of options ticked. */
    record Value(String property, Object value) implements IndexKey {
    }

    /** One option ticked in a multi-checkbox. */
    record Option(String property, Object option) implements IndexKey {
    }

    /** The event under evaluation changed the property. */
    record Changed(String property) implements IndexKey {
    }

    /** The event under evaluation changed the property to this typed value. */
    record ChangedTo(String property, Object value) implements IndexKey {
    }

    /** The event under evaluation changed the property away from this typed value. */
    record ChangedFrom(String property, Object value) implements IndexKey {
    }
}
