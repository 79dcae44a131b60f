package io.crmflow.local;

import java.util.List;

/**
 * The mail a mail service has accepted, for people and tests to read: the local SES stand-in
 * keeps it itself; against an emulator it is read from the emulator ({@link MotoMailbox}).
 * Implementations are thread-safe.
 */
public interface Mailbox {

    /** Every mail accepted so far, oldest first. */
    List<SentMail> sent();
}
