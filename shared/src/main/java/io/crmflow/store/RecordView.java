package io.crmflow.store;

import io.crmflow.model.Association;
import io.crmflow.model.CrmRecord;
import java.util.List;
import java.util.Set;

/**
 * A record with what is stored beside it: its associations and the static lists it belongs
 * to. The DynamoDB adapter reads all of it with one Query on the record's partition.
 *
 * @param associations each seen from this record ({@code from} is this record), ordered by the
 *                     other record's object type, then id
 */
public record RecordView(CrmRecord record, List<Association> associations, Set<String> staticLists) {
    public RecordView {
        associations = List.copyOf(associations);
        staticLists = Set.copyOf(staticLists);
    }
}
