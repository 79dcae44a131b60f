package io.crmflow.store;

import io.crmflow.model.CrmRecord;
import io.crmflow.model.RecordRef;
import java.util.List;
import java.util.Optional;

/** Reads CRM records. Writes go through {@link TransactionalWriter}. Implementations are thread-safe. */
public interface RecordStore {

    Optional<CrmRecord> record(String tenantId, RecordRef ref);

    /** The record with its associations and static-list memberships; empty when it does not exist. */
    Optional<RecordView> view(String tenantId, RecordRef ref);

    /** Several records at once (associated records for filters); missing ones are left out. */
    List<CrmRecord> records(String tenantId, List<RecordRef> refs);

    /** The tenant's records of one type, in id order, a page at a time (backfills, exports). */
    Page<CrmRecord> recordsOfType(String tenantId, String objectType, String cursor, int limit);

    /** The members of a static list, in type and id order, a page at a time (a journey's eligible contacts). */
    Page<RecordRef> listMembers(String tenantId, String listId, String cursor, int limit);
}
