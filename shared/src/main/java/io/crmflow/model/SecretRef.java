package io.crmflow.model;

/**
 * Where a secret is kept, never the secret: its name in the secret store and the version that
 * was written. A version's value never changes, so whoever reads by this reference reads what
 * was set, and a rotation — a new version — is a new reference. Immutable.
 *
 * @param name    the store's name for it (e.g. an SSM parameter name)
 * @param version the version written, 1 or more
 */
public record SecretRef(String name, long version) {
    public SecretRef {
        Require.nonNull(name, "secret name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a secret reference needs a name");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a secret's version is 1 or more, not " + version);
        }
    }
}
