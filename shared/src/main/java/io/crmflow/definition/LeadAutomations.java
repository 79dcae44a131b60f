package io.crmflow.definition;

import io.crmflow.model.DefaultPipelines;
import java.util.List;
import java.util.Set;

/**
 * The templated automations of the default lead pipeline (R-LEAD-1..4, R-LEAD-6), each switched
 * on and edited on its own. Custom lead pipelines have none: they use stage automation.
 *
 * @param createLead  R-LEAD-1: a lead for a contact that reaches one of the chosen lifecycle stages
 * @param followUpLead R-LEAD-2: a follow-up lead for a lead disqualified with one of the chosen reasons
 * @param attempting  R-LEAD-3: a user's outreach moves a lead on
 * @param connected   R-LEAD-4: the lead's engagement moves it on
 * @param version     how many times they were saved (0: never, the defaults): each save is made
 *                    on condition of the version it read, so two at once cannot lose one
 */
public record LeadAutomations(CreateLead createLead, FollowUpLead followUpLead, Progression attempting,
                              Progression connected, long version) {
    public static final String NEW = "new-stage-id";
    public static final String ATTEMPTING = "attempting-stage-id";
    public static final String CONNECTED = "connected-stage-id";
    public static final String DISQUALIFIED = "unqualified-stage-id";

    /**
     * What a tenant starts with, as a HubSpot user expects it: the two progressions on (New to
     * Attempting on any outreach; New or Attempting to Connected on any engagement), the lead
     * creations off until someone chooses stages and reasons.
     */
    public static final LeadAutomations DEFAULTS = new LeadAutomations(
            new CreateLead(false, List.of()),
            new FollowUpLead(false, "RE_ATTEMPTING", List.of()),
            new Progression(true, List.of(NEW), ATTEMPTING, List.copyOf(LeadEvent.ofKind(LeadEvent.Kind.OUTREACH))),
            new Progression(true, List.of(NEW, ATTEMPTING), CONNECTED,
                    List.copyOf(LeadEvent.ofKind(LeadEvent.Kind.ENGAGEMENT))));

    /** The pipeline these automations belong to; there is no other. */
    public static final String PIPELINE_ID = DefaultPipelines.LEAD_PIPELINE_ID;

    public LeadAutomations {
        createLead = createLead == null ? DEFAULTS.createLead() : createLead;
        followUpLead = followUpLead == null ? DEFAULTS.followUpLead() : followUpLead;
        attempting = attempting == null ? DEFAULTS.attempting() : attempting;
        connected = connected == null ? DEFAULTS.connected() : connected;
    }

    /** Settings not saved yet: their version is the one they will be saved at. */
    public LeadAutomations(CreateLead createLead, FollowUpLead followUpLead, Progression attempting,
                           Progression connected) {
        this(createLead, followUpLead, attempting, connected, 0);
    }

    public LeadAutomations withVersion(long newVersion) {
        return new LeadAutomations(createLead, followUpLead, attempting, connected, newVersion);
    }

    /** @param lifecycleStages internal names ({@code salesqualifiedlead} …) */
    public record CreateLead(boolean enabled, List<String> lifecycleStages) {
        public CreateLead {
            lifecycleStages = lifecycleStages == null ? List.of() : List.copyOf(lifecycleStages);
        }
    }

    /**
     * @param leadType               the follow-up lead's {@code hs_lead_type}
     * @param disqualificationReasons values of {@code hs_lead_disqualification_reason} that call for one
     */
    public record FollowUpLead(boolean enabled, String leadType, List<String> disqualificationReasons) {
        public FollowUpLead {
            disqualificationReasons = disqualificationReasons == null ? List.of() : List.copyOf(disqualificationReasons);
        }
    }

    /** Moves a lead in one of the {@code from} stages to {@code to} when one of {@code events} happens to it. */
    public record Progression(boolean enabled, List<String> from, String to, List<LeadEvent> events) {
        public Progression {
            from = from == null ? List.of() : List.copyOf(from);
            events = events == null ? List.of() : List.copyOf(events);
        }

        public boolean takes(Set<LeadEvent> happened) {
            return enabled && events.stream().anyMatch(happened::contains);
        }
    }
}
