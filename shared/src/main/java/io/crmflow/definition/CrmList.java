package io.crmflow.definition;

import io.crmflow.filter.Filter;
import io.crmflow.model.ListKind;
import io.crmflow.model.Names;

/**
 * A list of records (R-OBJ-7). A static list's members are added and removed explicitly; an
 * active list's membership is its filter. Immutable.
 *
 * @param filter required for active lists, {@link Filter#NONE} for static ones
 */
public record CrmList(String id, String name, String objectType, ListKind kind, Filter filter) {
    public CrmList {
        Names.requireValid(id, "list id");
        Names.requireValid(objectType, "object type");
        if (kind == null) {
            throw new IllegalArgumentException("list kind is required (static or active)");
        }
        filter = filter == null ? Filter.NONE : filter;
        if (kind == ListKind.ACTIVE && filter.isEmpty()) {
            throw new IllegalArgumentException("active list '" + id + "' needs a filter");
        }
    }
}
