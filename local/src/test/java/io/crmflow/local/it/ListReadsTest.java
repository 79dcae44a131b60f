package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A tenant's lists read back through the API, one at a time and paged, as the other listings are. */
@DisplayName("R-OBJ-7, R-RUN-6 lists are read back one by one and listed by id, a page at a time")
class ListReadsTest {
    private final Api api = Api.forNewTenant(SharedStack.get(), SharedStack.uniqueTenant());

    @Test
    void lists_areListedInIdOrder_pageByPage_andEachIsReadAsSaved() {
        for (String id : List.of("c", "a", "e", "b", "d")) {
            api.put("/lists/" + id, "{\"name\": \"List " + id + "\", \"objectType\": \"contact\", \"kind\": \"static\"}")
                    .expect(200);
        }
        api.put("/lists/customers", """
                {"name": "Customers", "objectType": "contact", "kind": "active",
                 "filter": {"groups": [{"conditions": [
                   {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}}""")
                .expect(200);

        List<JsonNode> pages = api.pages("/lists?limit=2");
        List<JsonNode> items = api.items("/lists?limit=2");

        assertThat(pages).hasSize(3);
        assertThat(pages.get(2).has("nextCursor")).as("the last page carries no cursor").isFalse();
        assertThat(items).extracting(l -> l.get("id").asText()).containsExactly("a", "b", "c", "customers", "d", "e");
        JsonNode customers = api.get("/lists/customers").expect(200).json();
        assertThat(customers.get("kind").asText()).isEqualTo("active");
        assertThat(customers.at("/filter/groups/0/conditions/0/values/0").asText()).isEqualTo("customer");
        assertThat(items.get(3)).isEqualTo(customers);
    }

    @Test
    void aMissingList_isNotFound_andABadLimitOrCursor_isRefusedWithWhereItWas() {
        assertThat(api.get("/lists/ghost").expect(404).json().get("detail").asText()).contains("ghost");
        assertThat(api.get("/lists?limit=0").expect(400).pointers()).containsExactly("/query/limit");
        assertThat(api.get("/lists?limit=201").expect(400).pointers()).containsExactly("/query/limit");
        assertThat(api.get("/lists?cursor=not-a-cursor").status()).isEqualTo(400);
        assertThat(api.get("/lists").expect(200).json().get("items")).isEmpty();
    }
}
