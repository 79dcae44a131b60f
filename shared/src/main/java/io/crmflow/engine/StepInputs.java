package io.crmflow.engine;

import io.crmflow.definition.EmailTemplate;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.store.RecordView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What deciding a step may read beyond the enrollment, its workflow and its record, each asked
 * for only by the actions that need it: building them costs reads most steps do not make.
 * Immutable.
 *
 * @param filters   the record's filter context: its associations and lists, read by branches and
 *                  actions on associated records
 * @param zone      the tenant's timezone, read by windows and delays to a date or time
 * @param schemaOf  the schema of another object type, for the records a step creates
 * @param people    the tenant's users and teams, read only by a notification
 * @param templates the tenant's text of each default email (R-PIPE-6), read only by an email that uses one
 */
record StepInputs(Supplier<RecordFilterContext> filters, Supplier<ZoneId> zone, Function<String, ObjectType> schemaOf,
                  People people, Function<String, EmailTemplate> templates) {

    /**
     * The record alone, for tests of steps that read nothing else: no lists, associations or
     * other workflows, UTC, no record created, nobody to notify, the shipped email templates.
     */
    static StepInputs alone(CrmRecord record, ObjectType schema, Instant now) {
        RecordFilterContext context = new RecordFilterContext(RecordView.alone(record), schema, List.of(), null, null,
                now, ZoneOffset.UTC);
        return new StepInputs(() -> context, () -> ZoneOffset.UTC, type -> {
            throw new IllegalStateException("this step creates no record");
        }, People.NOBODY, id -> EmailTemplate.shipped(id).orElseThrow());
    }

    /**
     * The same inputs but the record's partition, which a step decided after others in one
     * commit must not read: the table does not hold their writes yet ({@link StepChain}).
     */
    StepInputs withoutPartition() {
        return new StepInputs(() -> {
            throw new IllegalStateException("the record's partition is read by a step of its own");
        }, zone, schemaOf, people, templates);
    }

    StepInputs withPeople(People known) {
        return new StepInputs(filters, zone, schemaOf, known, templates);
    }
}
