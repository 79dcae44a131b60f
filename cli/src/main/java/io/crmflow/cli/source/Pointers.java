package io.crmflow.cli.source;

/** JSON pointers (RFC 6901), built one reference token at a time. */
public final class Pointers {
    private Pointers() {
    }

    /** The pointer to member {@code name} of the value at {@code parent}; "" is the whole document. */
    public static String child(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }

    /** The pointer one level up; the whole document has none above it. */
    public static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    /** "/" for the whole document, which a person reads better than the empty pointer. */
    public static String display(String pointer) {
        return pointer.isEmpty() ? "/" : pointer;
    }
}
