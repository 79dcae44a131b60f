package io.crmflow.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crmflow.definition.Action;
import io.crmflow.definition.TriggerEvent;
import io.crmflow.filter.Condition;
import io.crmflow.filter.Operator;
import io.crmflow.model.ActivityType;
import io.crmflow.model.ListKind;
import io.crmflow.model.PropertyType;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The one JSON mapping of the model, used by the API, the queues and the table. The model
 * itself carries no Jackson annotations: the wire names live here, as mix-ins, so the model
 * stays a plain library and the wire form is decided in one place.
 *
 * <p>Thread-safe: the mapper is configured once and shared.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Records are written by their components only: helpers such as Filter.isEmpty()
            // must not leak into the wire form (they could not be read back).
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(Action.class, ActionMixin.class)
            .addMixIn(Condition.class, ConditionMixin.class)
            .addMixIn(TriggerEvent.class, TriggerEventMixin.class)
            .addMixIn(Condition.WorkflowState.class, LowerCaseEnumMixin.class)
            .addMixIn(io.crmflow.model.CrmEvent.WorkflowMilestone.Milestone.class, LowerCaseEnumMixin.class)
            .addMixIn(Operator.class, WireEnumMixin.class)
            .addMixIn(ActivityType.class, WireEnumMixin.class)
            .addMixIn(PropertyType.class, LowerCaseEnumMixin.class)
            .addMixIn(ListKind.class, LowerCaseEnumMixin.class)
            .addMixIn(Action.EmailKind.class, LowerCaseEnumMixin.class)
            .addMixIn(io.crmflow.definition.WorkflowDefinition.class, WorkflowDefinitionMixin.class)
            .addMixIn(Action.NotifyChannel.class, LowerCaseEnumMixin.class)
            .addMixIn(io.crmflow.definition.LeadEvent.class, LowerCaseEnumMixin.class)
            .addMixIn(io.crmflow.journey.StageAction.class, StageActionMixin.class)
            .addMixIn(io.crmflow.journey.End.Kind.class, LowerCaseEnumMixin.class)
            .addMixIn(io.crmflow.journey.JourneyVersion.Kind.class, LowerCaseEnumMixin.class)
            .addMixIn(io.crmflow.journey.JourneyChange.Kind.class, LowerCaseEnumMixin.class)
            .build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws JsonInputException with the path of the offending field when the JSON does not fit */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw JsonInputException.from(e);
        }
    }

    public static <T> T read(JsonNode json, Class<T> type) {
        try {
            return MAPPER.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw JsonInputException.from(e);
        } catch (IllegalArgumentException e) {
            throw JsonInputException.from(e);
        }
    }

    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw JsonInputException.from(e);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Action.SetProperty.class, name = "set_property"),
        @JsonSubTypes.Type(value = Action.CreateTask.class, name = "create_task"),
        @JsonSubTypes.Type(value = Action.SendEmail.class, name = "send_email"),
        @JsonSubTypes.Type(value = Action.Notify.class, name = "notify"),
        @JsonSubTypes.Type(value = Action.Delay.class, name = "delay"),
        @JsonSubTypes.Type(value = Action.CreateRecord.class, name = "create_record"),
        @JsonSubTypes.Type(value = Action.CopyProperty.class, name = "copy_property"),
        @JsonSubTypes.Type(value = Action.ClearProperty.class, name = "clear_property"),
        @JsonSubTypes.Type(value = Action.DelayUntilDate.class, name = "delay_until_date"),
        @JsonSubTypes.Type(value = Action.DelayUntilProperty.class, name = "delay_until_property"),
        @JsonSubTypes.Type(value = Action.DelayUntilDayAndTime.class, name = "delay_until_day_and_time"),
        @JsonSubTypes.Type(value = Action.GoTo.class, name = "go_to"),
        @JsonSubTypes.Type(value = Action.AddToList.class, name = "add_to_list"),
        @JsonSubTypes.Type(value = Action.RemoveFromList.class, name = "remove_from_list"),
        @JsonSubTypes.Type(value = Action.Branch.class, name = "branch"),
        @JsonSubTypes.Type(value = Action.ValueBranch.class, name = "value_branch"),
        @JsonSubTypes.Type(value = Action.WaitForEvent.class, name = "wait_for_event"),
        @JsonSubTypes.Type(value = Action.EnrollInWorkflow.class, name = "enroll_in_workflow"),
        @JsonSubTypes.Type(value = Action.UnenrollFromWorkflows.class, name = "unenroll_from_workflows"),
        @JsonSubTypes.Type(value = Action.Webhook.class, name = "webhook"),
        @JsonSubTypes.Type(value = io.crmflow.definition.JourneyNodes.Route.class, name = "journey_route"),
        @JsonSubTypes.Type(value = io.crmflow.definition.JourneyNodes.EnterStage.class, name = "journey_enter_stage"),
        @JsonSubTypes.Type(value = io.crmflow.definition.JourneyNodes.ReachEnd.class, name = "journey_reach_end"),
        @JsonSubTypes.Type(value = io.crmflow.definition.JourneyNodes.Stay.class, name = "journey_stay"),
        @JsonSubTypes.Type(value = io.crmflow.definition.JourneyNodes.SendText.class, name = "journey_send_text")
    })
    interface ActionMixin {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = io.crmflow.journey.StageAction.SendAssets.class, name = "send_assets"),
        @JsonSubTypes.Type(value = io.crmflow.journey.StageAction.Wait.class, name = "wait"),
        @JsonSubTypes.Type(value = io.crmflow.journey.StageAction.WaitForActivity.class, name = "wait_for_activity"),
        @JsonSubTypes.Type(value = io.crmflow.journey.StageAction.CreateTask.class, name = "create_task"),
        @JsonSubTypes.Type(value = io.crmflow.journey.StageAction.SetProperty.class, name = "set_property"),
        @JsonSubTypes.Type(value = io.crmflow.journey.StageAction.SendNotification.class, name = "send_notification"),
        @JsonSubTypes.Type(value = io.crmflow.journey.StageAction.GoToEnd.class, name = "go_to_end"),
        @JsonSubTypes.Type(value = io.crmflow.journey.StageAction.GoToStage.class, name = "go_to_stage")
    })
    interface StageActionMixin {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = TriggerEvent.RecordCreated.class, name = "record_created"),
        @JsonSubTypes.Type(value = TriggerEvent.PropertyChanged.class, name = "property_changed"),
        @JsonSubTypes.Type(value = TriggerEvent.ActivityLogged.class, name = "activity"),
        @JsonSubTypes.Type(value = TriggerEvent.ListJoined.class, name = "list_joined"),
        @JsonSubTypes.Type(value = TriggerEvent.ListLeft.class, name = "list_left"),
        @JsonSubTypes.Type(value = TriggerEvent.EnrolledInWorkflow.class, name = "enrolled_in_workflow"),
        @JsonSubTypes.Type(value = TriggerEvent.CompletedWorkflow.class, name = "completed_workflow"),
        @JsonSubTypes.Type(value = TriggerEvent.GoalMet.class, name = "goal_met")
    })
    interface TriggerEventMixin {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Condition.OnProperty.class, name = "property"),
        @JsonSubTypes.Type(value = Condition.InWorkflow.class, name = "workflow"),
        @JsonSubTypes.Type(value = Condition.InList.class, name = "list"),
        @JsonSubTypes.Type(value = Condition.OnAssociated.class, name = "associated")
    })
    interface ConditionMixin {
    }

    /** A deleted action mapped to null (its enrollments complete there) must keep its entry: null values stay. */
    interface WorkflowDefinitionMixin {
        @JsonInclude(content = JsonInclude.Include.ALWAYS)
        java.util.Map<String, String> removedActions();
    }

    abstract static class WireEnumMixin {
        @JsonValue
        abstract String wireName();

        @JsonCreator
        static Object fromWire(String name) {
            throw new UnsupportedOperationException("mix-in only");
        }
    }

    /** Enums written in lower case: {@code "enumeration"}, {@code "static"}, {@code "marketing"}. */
    @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = LowerCaseEnums.Serializer.class)
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = LowerCaseEnums.Deserializer.class)
    interface LowerCaseEnumMixin {
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
