package io.crmflow.filter;

import io.crmflow.model.PropertyType;
import java.util.List;

/** Operands that are valid for each (type, operator) pair, for tests that sweep the whole table. */
final class SampleValues {
    private SampleValues() {
    }

    static List<String> valid(PropertyType type, Operator operator) {
        String one = one(type);
        return switch (operator) {
            case IS_KNOWN, IS_UNKNOWN -> List.of();
            case BETWEEN -> List.of(one, one);
            case WITHIN_LAST_DAYS -> List.of("7");
            default -> List.of(one);
        };
    }

    static String one(PropertyType type) {
        return switch (type) {
            case STRING -> "x";
            case NUMBER -> "1";
            case BOOL -> "true";
            case DATE -> "2026-01-01";
            case DATETIME -> "2026-01-01T00:00:00Z";
            case ENUMERATION -> "gold";
            case MULTI_ENUMERATION -> "red";
        };
    }
}
