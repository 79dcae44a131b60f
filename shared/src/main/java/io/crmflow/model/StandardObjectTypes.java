package io.crmflow.model;

import static io.crmflow.model.PropertyDefinition.enumeration;
import static io.crmflow.model.PropertyDefinition.of;
import static io.crmflow.model.PropertyType.BOOL;
import static io.crmflow.model.PropertyType.DATE;
import static io.crmflow.model.PropertyType.DATETIME;
import static io.crmflow.model.PropertyType.NUMBER;
import static io.crmflow.model.PropertyType.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The object types every tenant has (R-OBJ-1), with the HubSpot internal property names a
 * user of that product would expect. Tenants add their own properties through custom types.
 */
public final class StandardObjectTypes {
    public static final String CONTACT = "contact";
    public static final String COMPANY = "company";
    public static final String DEAL = "deal";
    public static final String TICKET = "ticket";
    public static final String LEAD = "lead";
    public static final String PROJECT = "project";
    public static final String QUOTE = "quote";
    public static final String TASK = "task";
    /** The ticket property holding the email thread a ticket was created from (R-PIPE-3). */
    public static final String TICKET_CREATION_THREAD = "hs_created_from_thread";
    /**
     * The contact property a customer journey is centred on by default (seed 003: "la nouvelle propriété
     * d'étape de parcours par défaut"); any enumeration property of contacts will do.
     */
    public static final String JOURNEY_STAGE = "hs_journey_stage";
    public static final List<String> JOURNEY_STAGE_OPTIONS = List.of("awareness", "consideration", "decision",
            "purchase", "onboarding", "adoption", "retention", "expansion", "advocacy", "won", "lost", "churned",
            "unresponsive");

    private static final Map<String, ObjectType> TYPES = List.of(
            type(CONTACT,
                    of("email", STRING), of("firstname", STRING), of("lastname", STRING), of("phone", STRING),
                    of("jobtitle", STRING), of("hubspot_owner_id", STRING), of("hs_marketable_status", BOOL),
                    of("hs_email_optout", BOOL), of("hs_timezone", STRING),
                    enumeration("lifecyclestage", LifecycleStage.values(LifecycleStage::internalName)),
                    enumeration(JOURNEY_STAGE, JOURNEY_STAGE_OPTIONS.toArray(String[]::new))),
            type(COMPANY,
                    of("name", STRING), of("domain", STRING), of("industry", STRING), of("city", STRING),
                    of("country", STRING), of("numberofemployees", NUMBER), of("annualrevenue", NUMBER),
                    of("hubspot_owner_id", STRING), of("description", STRING), of("phone", STRING),
                    enumeration("lifecyclestage", LifecycleStage.values(LifecycleStage::internalName))),
            type(DEAL,
                    of("dealname", STRING), of("amount", NUMBER), of("pipeline", STRING), of("dealstage", STRING),
                    of("closedate", DATETIME), of("hubspot_owner_id", STRING), of("dealtype", STRING)),
            type(TICKET,
                    of("subject", STRING), of("content", STRING), of("hs_pipeline", STRING),
                    of("hs_pipeline_stage", STRING), of("hs_ticket_priority", STRING), of("source_type", STRING),
                    of("hubspot_owner_id", STRING), of(TICKET_CREATION_THREAD, STRING)),
            type(LEAD,
                    of("hs_lead_name", STRING), of("hs_pipeline", STRING), of("hs_pipeline_stage", STRING),
                    of("hs_lead_type", STRING), of("hs_lead_disqualification_reason", STRING),
                    of("hubspot_owner_id", STRING)),
            type(PROJECT,
                    of("hs_name", STRING), of("hs_pipeline", STRING), of("hs_pipeline_stage", STRING),
                    of("hs_target_due_date", DATE), of("hubspot_owner_id", STRING)),
            type(QUOTE,
                    of("hs_title", STRING), of("hs_status", STRING), of("hs_expiration_date", DATE),
                    of("hs_quote_amount", NUMBER), of("hubspot_owner_id", STRING)),
            type(TASK,
                    of("hs_task_subject", STRING), of("hs_task_body", STRING), of("hs_timestamp", DATETIME),
                    enumeration("hs_task_status", "NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED"),
                    of("hubspot_owner_id", STRING)))
            .stream().collect(Collectors.toUnmodifiableMap(ObjectType::name, Function.identity()));

    private StandardObjectTypes() {
    }

    public static Optional<ObjectType> byName(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    public static boolean isStandard(String name) {
        return TYPES.containsKey(name);
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>(TYPES.keySet());
        names.sort(null);
        return names;
    }

    private static ObjectType type(String name, PropertyDefinition... properties) {
        List<PropertyDefinition> all = new ArrayList<>(Arrays.asList(properties));
        all.add(of("hs_object_id", STRING));
        all.add(of("createdate", DATETIME));
        all.add(of("lastmodifieddate", DATETIME));
        return new ObjectType(name, true, all.stream().collect(Collectors.toMap(PropertyDefinition::name, p -> p)));
    }
}
