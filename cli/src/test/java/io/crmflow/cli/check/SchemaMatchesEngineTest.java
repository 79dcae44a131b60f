package io.crmflow.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.AnnotatedClassResolver;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import io.crmflow.definition.Action;
import io.crmflow.definition.JourneyNodes;
import io.crmflow.definition.TriggerEvent;
import io.crmflow.filter.Condition;
import io.crmflow.journey.StageAction;
import io.crmflow.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published schemas are written by hand; these tests hold them to the engine's JSON mapping,
 * so that an action, a trigger event, a condition, a stage action or a field the engine comes to
 * read fails here until the schema takes it too — and a schema never offers what the engine
 * refuses.
 */
@DisplayName("the JSON Schemas take exactly what the engine reads")
class SchemaMatchesEngineTest {
    private static final Path SCHEMAS = Path.of("..", "docs", "schemas");
    /** What a file holds beside the body the API takes. */
    private static final Set<String> FILE_FIELDS = Set.of("$schema", "kind", "id");

    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of(Action.class, "workflow.schema.json", "action", "action_%s"),
                Arguments.of(TriggerEvent.class, "workflow.schema.json", "triggerEvent", "event_%s"),
                Arguments.of(Condition.class, "filter.schema.json", "condition", "%sCondition"),
                Arguments.of(StageAction.class, "journey.schema.json", "stageAction", "action_%s"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("families")
    void everyTypeTheEngineReads_isInTheSchema_withTheFieldsTheEngineReads(Class<?> family, String file,
                                                                          String dispatch, String definition)
            throws IOException {
        JsonNode defs = schema(file).get("$defs");
        Map<String, Class<?>> types = writtenTypes(family);

        assertThat(names(defs.at("/" + dispatch + "/properties/type/enum"))).as("the types %s dispatches on", dispatch)
                .isEqualTo(types.keySet());
        types.forEach((name, type) -> {
            Set<String> expected = new TreeSet<>(fields(type));
            expected.add("type");
            assertThat(fieldNames(defs.get(definition.formatted(name)))).as("the fields of %s", name)
                    .isEqualTo(expected);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "workflow.schema.json, io.crmflow.definition.DefinitionInputs$WorkflowInput, ''",
        "pipeline.schema.json, io.crmflow.definition.DefinitionInputs$PipelineInput, objectType",
        "list.schema.json, io.crmflow.definition.DefinitionInputs$ListInput, ''",
        "journey.schema.json, io.crmflow.journey.JourneyDefinition, publish"})
    void everyFieldOfAKindsBody_isInItsSchema_andNoOther(String file, Class<?> body, String fileOnly) throws IOException {
        Set<String> inSchema = fieldNames(schema(file));
        inSchema.removeAll(FILE_FIELDS);
        inSchema.remove(fileOnly); // a pipeline's type is the API's path; a journey's publish is a request of its own
        if (inSchema.remove("listKind")) {
            inSchema.add("kind"); // a list's own kind, renamed in a file since kind says what the file holds
        }

        assertThat(inSchema).isEqualTo(fields(body));
    }

    /**
     * The subtypes the engine's mapping reads by name, less the steps a journey's publish
     * compiles into its workflow, which nobody writes.
     */
    private static Map<String, Class<?>> writtenTypes(Class<?> family) {
        DeserializationConfig config = Json.mapper().getDeserializationConfig();
        return Json.mapper().getSubtypeResolver()
                .collectAndResolveSubtypesByTypeId(config, AnnotatedClassResolver.resolveWithoutSuperTypes(config, family))
                .stream().filter(NamedType::hasName).filter(t -> t.getType().getEnclosingClass() != JourneyNodes.class)
                .collect(Collectors.toMap(NamedType::getName, NamedType::getType, (a, b) -> a, TreeMap::new));
    }

    /** The fields the engine's mapping reads into {@code type}. */
    private static Set<String> fields(Class<?> type) {
        DeserializationConfig config = Json.mapper().getDeserializationConfig();
        return config.introspect(config.constructType(type)).findProperties().stream()
                .filter(BeanPropertyDefinition::couldDeserialize).map(BeanPropertyDefinition::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> fieldNames(JsonNode schema) {
        assertThat(schema).as("a schema definition").isNotNull();
        Set<String> names = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static JsonNode schema(String file) throws IOException {
        return Json.mapper().readTree(SCHEMAS.resolve(file).toFile());
    }
}
