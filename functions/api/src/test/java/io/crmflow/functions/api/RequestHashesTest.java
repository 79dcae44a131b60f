package io.crmflow.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-RUN-6: what counts as the same request for an Idempotency-Key. */
class RequestHashesTest {
    private static ApiRequest post(String path, String body) {
        return new ApiRequest("POST", path, Map.of(), Map.of(), body, null);
    }

    private static String hash(String body) {
        return RequestHashes.of(post("/records/contact", body));
    }

    @Test
    @DisplayName("R-RUN-6 key order and whitespace of a JSON body do not make another request")
    void of_sameJsonOtherKeyOrderAndSpacing_isTheSame() {
        assertThat(hash("{\"id\":\"c-1\",\"properties\":{\"a\":\"1\",\"b\":[1,{\"y\":2,\"x\":1}]}}"))
                .isEqualTo(hash(" {\n  \"properties\" : { \"b\" : [ 1, { \"x\":1, \"y\":2 } ], \"a\":\"1\" },\n \"id\":\"c-1\" }"));
    }

    @Test
    void of_anyDifferenceInMethodPathQueryUserOrBody_isAnotherRequest() {
        String base = RequestHashes.of(post("/records/contact", "{\"id\":\"c-1\"}"));

        assertThat(RequestHashes.of(post("/records/company", "{\"id\":\"c-1\"}"))).isNotEqualTo(base);
        assertThat(RequestHashes.of(post("/records/contact", "{\"id\":\"c-2\"}"))).isNotEqualTo(base);
        assertThat(RequestHashes.of(new ApiRequest("PUT", "/records/contact", Map.of(), Map.of(), "{\"id\":\"c-1\"}",
                null)))
                .isNotEqualTo(base);
        assertThat(RequestHashes.of(new ApiRequest("POST", "/records/contact", Map.of(), Map.of("limit", "1"),
                "{\"id\":\"c-1\"}", null))).isNotEqualTo(base);
        assertThat(RequestHashes.of(new ApiRequest("POST", "/records/contact", Map.of(Routes.USER_HEADER, "u-1"),
                Map.of(), "{\"id\":\"c-1\"}", null))).isNotEqualTo(base);
    }

    @Test
    @DisplayName("R-RUN-6 numbers are compared exactly: digits a double would drop still make another request")
    void of_numbersDifferingBeyondDoublePrecision_areOtherRequests() {
        assertThat(hash("{\"n\":0.10000000000000000001}")).isNotEqualTo(hash("{\"n\":0.1}"));
        assertThat(hash("{\"n\":12345678901234567890123}")).isNotEqualTo(hash("{\"n\":12345678901234567890124}"));
    }

    @Test
    @DisplayName("R-RUN-6 a body that is not JSON counts as its bytes")
    void of_bodyNotJson_countsAsItsBytes() {
        assertThat(hash("{\"id\": ")).isEqualTo(hash("{\"id\": ")).isNotEqualTo(hash("{\"id\":  "));
        assertThat(hash("{\"a\":1,\"a\":2}")).as("a duplicate key is not read as either value")
                .isNotEqualTo(hash("{\"a\":2}")).isNotEqualTo(hash("{\"a\":1}"));
        assertThat(hash(null)).isEqualTo(hash("")).isNotEqualTo(hash("{}"));
    }
}
