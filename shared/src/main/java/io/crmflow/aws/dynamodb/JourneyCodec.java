package io.crmflow.aws.dynamodb;

import io.crmflow.journey.Journey;
import io.crmflow.journey.StageVersion;
import io.crmflow.store.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Customer journeys in the table (R-JRN): the journey item, its versions' history entries,
 * definitions and stage entries, all in the journey's partition and kept whole as JSON; and the
 * two tenant-wide guards, the eligibility claims (R-JRN-3) and the per-user counts (R-JRN-9).
 *
 * <p>Stateless; safe to use from any thread.
 */
final class JourneyCodec {
    private JourneyCodec() {
    }

    static List<TransactWriteItem> expand(String table, Write.JourneyWrite write) {
        if (write instanceof Write.PutJourney w) {
            return put(table, w);
        } else if (write instanceof Write.ClaimEligibility w) {
            return List.of(claim(table, w));
        } else if (write instanceof Write.ReleaseEligibility w) {
            return List.of(release(table, w));
        } else if (write instanceof Write.CountOwnedJourney w) {
            return List.of(count(table, w));
        }
        throw new IllegalArgumentException("unknown journey write " + write);
    }

    /** The journey on condition of the version read; the version's items new, since versions never change. */
    private static List<TransactWriteItem> put(String table, Write.PutJourney w) {
        Journey j = w.journey();
        String pk = Keys.journey(j.tenantId(), j.id());
        Map<String, AttributeValue> journey = DefinitionCodec.jsonItem(pk, Keys.JOURNEY_SK, j);
        journey.put(Keys.GSI1_PK, Items.s(Keys.journeys(j.tenantId())));
        journey.put(Keys.GSI1_SK, Items.s(j.id()));
        journey.put("version", Items.n(j.version()));
        long n = w.version().number();
        List<TransactWriteItem> items = new ArrayList<>(List.of(
                TransactItems.createOrReplace(table, journey, w.expectedVersion()),
                TransactItems.create(table, DefinitionCodec.jsonItem(pk, Keys.journeyVersionSk(n), w.version())),
                TransactItems.create(table, DefinitionCodec.jsonItem(pk, Keys.journeyDefinitionSk(n), w.definition()))));
        for (StageVersion s : StageVersion.of(w.version())) {
            items.add(TransactItems.create(table, DefinitionCodec.jsonItem(pk, Keys.stageVersionSk(s.stageId(), n), s)));
        }
        return items;
    }

    private static TransactWriteItem claim(String table, Write.ClaimEligibility w) {
        Map<String, AttributeValue> item = Items.key(Keys.eligibility(w.tenantId(), w.key()), Keys.ELIGIBILITY_SK);
        item.put("journeyId", Items.s(w.journeyId()));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk) OR #journey = :journey")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#journey", "journeyId"))
                .expressionAttributeValues(Map.of(":journey", Items.s(w.journeyId()))).build()).build();
    }

    private static TransactWriteItem release(String table, Write.ReleaseEligibility w) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(Items.key(Keys.eligibility(w.tenantId(), w.key()), Keys.ELIGIBILITY_SK))
                .conditionExpression("#journey = :journey")
                .expressionAttributeNames(Map.of("#journey", "journeyId"))
                .expressionAttributeValues(Map.of(":journey", Items.s(w.journeyId()))).build()).build();
    }

    private static TransactWriteItem count(String table, Write.CountOwnedJourney w) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Items.key(Keys.journeysOwned(w.tenantId(), w.userId()), Keys.OWNED_SK))
                .updateExpression("ADD #count :one")
                .conditionExpression("attribute_not_exists(#count) OR #count < :max")
                .expressionAttributeNames(Map.of("#count", "count"))
                .expressionAttributeValues(Map.of(":one", Items.n(1), ":max", Items.n(w.max())))).build();
    }
}
