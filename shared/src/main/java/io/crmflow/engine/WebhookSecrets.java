package io.crmflow.engine;

import java.util.Optional;

/**
 * What a webhook signing secret must be: long enough not to be guessed (32 characters or more; a
 * random one of that length carries some 200 bits), and printable ASCII without spaces, so that
 * it survives being copied between systems.
 */
final class WebhookSecrets {
    static final int SHORTEST = 32;
    static final int LONGEST = 256;

    private WebhookSecrets() {
    }

    static Optional<String> problem(String secret) {
        if (secret.length() < SHORTEST || secret.length() > LONGEST) {
            return Optional.of("a signing secret has " + SHORTEST + " to " + LONGEST + " characters; this one has "
                    + secret.length());
        }
        if (!secret.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Optional.of("a signing secret holds printable ASCII characters only, without spaces");
        }
        return Optional.empty();
    }
}
