package io.crmflow.cli.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A file is read as the API reads its body: the tool's bodies are the API's own, field for field. */
class BodiesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "io.crmflow.cli.definition.Bodies$WorkflowBody, io.crmflow.functions.api.Inputs$WorkflowInput",
        "io.crmflow.cli.definition.Bodies$PipelineBody, io.crmflow.functions.api.Inputs$PipelineInput",
        "io.crmflow.cli.definition.Bodies$ListBody, io.crmflow.functions.api.Inputs$ListInput"})
    void theToolsBody_hasTheApisFields(String ours, String theApis) throws Exception {
        assertThat(fields(Class.forName(ours))).isEqualTo(fields(Class.forName(theApis)));
    }

    /** A journey's file is its definition, which is what the API's journey body holds beside the journey's id and base version. */
    @org.junit.jupiter.api.Test
    void aJourneysBody_isTheDefinition_plusTheIdAndTheVersionTheApiAdds() throws Exception {
        List<String> api = fields(Class.forName("io.crmflow.functions.api.JourneyRoutes$DefinitionInput"));
        List<String> definition = fields(io.crmflow.journey.JourneyDefinition.class);

        assertThat(api).containsExactlyElementsOf(concat(List.of("java.lang.String id", "java.lang.Long baseVersion"),
                definition));
    }

    private static List<String> fields(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(BodiesTest::field).toList();
    }

    private static String field(RecordComponent c) {
        return c.getGenericType().getTypeName() + " " + c.getName();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
