package io.crmflow.cli.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A journey's file is read as the API reads its body. (A workflow's, a pipeline's and a list's
 * are read with the API's own input records, so they need no such check.)
 */
class JourneyBodyTest {

    /** A journey's file is its definition, which is what the API's journey body holds beside the journey's id and base version. */
    @Test
    void aJourneysBody_isTheDefinition_plusTheIdAndTheVersionTheApiAdds() throws Exception {
        List<String> api = fields(Class.forName("io.crmflow.functions.api.JourneyRoutes$DefinitionInput"));
        List<String> definition = fields(io.crmflow.journey.JourneyDefinition.class);

        assertThat(api).containsExactlyElementsOf(Stream.concat(
                Stream.of("java.lang.String id", "java.lang.Long baseVersion"), definition.stream()).toList());
    }

    private static List<String> fields(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(JourneyBodyTest::field).toList();
    }

    private static String field(RecordComponent c) {
        return c.getGenericType().getTypeName() + " " + c.getName();
    }
}
