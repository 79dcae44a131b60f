package io.crmflow.definition;

import java.util.List;

/**
 * The steps a published customer journey runs on besides its stages' own actions (R-JRN-4..6):
 * where a contact goes when its journey property changes, how it enters a stage or reaches an
 * end, where it stays once a stage's flow is done, and its text messages. The engine's journey
 * compiler writes them into the journey's workflow; no person does, and a workflow saved through
 * the API may not hold them. Their ids start with {@link #PREFIX}, which no person's id can, so
 * they never meet a stage action's id.
 */
public final class JourneyNodes {
    public static final String PREFIX = "~";

    private JourneyNodes() {
    }

    /**
     * Sends the contact to where its journey property's value now leads: a stage's first action, an
     * end, or — for a value neither maps to — back to staying where it was.
     *
     * @param fromStage          the stage the contact is leaving; null when it is in none (just enrolled, or inactive)
     * @param targets            each stage and end, by value
     * @param whenEmpty          where a contact whose property is empty goes (the start stage, when the journey
     *                           enrolls such contacts); null to treat it as a value that leads nowhere
     * @param leaveOnEndMatched  R-JRN-7: a contact whose property takes an end's value leaves, skipping the end's
     *                           list, instead of reaching that end
     * @param next               where it stays when the value leads nowhere
     */
    public record Route(String id, String property, String fromStage, List<Target> targets, Target whenEmpty,
                        Boolean leaveOnEndMatched, String next) implements Action {
        public Route {
            targets = targets == null ? List.of() : List.copyOf(targets);
            leaveOnEndMatched = Boolean.TRUE.equals(leaveOnEndMatched);
        }

        @Override
        public List<String> successors() {
            List<String> out = new java.util.ArrayList<>();
            targets.stream().map(Target::goesTo).filter(java.util.Objects::nonNull).forEach(out::add);
            if (next != null) {
                out.add(next);
            }
            return out;
        }
    }

    /**
     * A stage or an end of the journey, as a route sees it.
     *
     * @param stageId   the stage, or null for an end
     * @param endId     the end, or null for a stage
     * @param goesTo    a stage's first action; null for an end
     * @param addToList an end's static list; null for none
     */
    public record Target(String value, String stageId, String endId, boolean goal, String goesTo, String addToList) {
        public boolean endsJourney() {
            return endId != null;
        }
    }

    /** A flow's "go to an earlier stage" (R-JRN-5): sets the journey property to that stage's value and runs its flow. */
    public record EnterStage(String id, String fromStage, String property, Target target) implements Action {
        @Override
        public String next() {
            return target == null ? null : target.goesTo();
        }
    }

    /** A flow's "go to an end" (R-JRN-5, R-JRN-6): sets the journey property to the end's value; the enrollment ends there. */
    public record ReachEnd(String id, String fromStage, String property, Target target) implements Action {
        @Override
        public String next() {
            return null;
        }
    }

    /**
     * Where a contact stays, still enrolled, once its stage's flow is done — or, with no stage, once
     * its stage or action was deleted from the live journey (R-JRN-11: "inactive"). It moves on only
     * when its journey property changes.
     *
     * @param stageId null for inactive
     * @param members the ids of the stage's actions: a contact at any of them is in this stage
     */
    public record Stay(String id, String stageId, List<String> members) implements Action {
        public Stay {
            members = members == null ? List.of() : List.copyOf(members);
        }

        @Override
        public String next() {
            return null;
        }
    }

    /** An SMS or a WhatsApp message to the contact's phone (R-JRN-5's send assets), with personalisation tokens. */
    public record SendText(String id, TextKind channel, String body, String next) implements Action {
    }

    public enum TextKind {
        SMS,
        WHATSAPP
    }
}
