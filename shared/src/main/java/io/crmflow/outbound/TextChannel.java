package io.crmflow.outbound;

/**
 * Sends SMS and WhatsApp messages (R-JRN-5). Which provider carries them is the deployment's
 * choice; the engine only asks for one to be sent, once per step ({@code engine.EffectRunner}).
 */
public interface TextChannel {
    /** For processes with no way to send texts: every message is refused, and the history says so. */
    TextChannel NONE = text -> {
        throw new TextRejectedException("this process has no text channel");
    };

    /**
     * @return the channel's id for the message
     * @throws TextRejectedException when it was refused for good (nothing was sent)
     * @throws RuntimeException      anything else, where it is not known whether it was sent
     */
    String send(OutgoingText text);
}
