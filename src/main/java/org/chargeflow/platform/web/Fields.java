package org.chargeflow.platform.web;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.regex.Pattern;

/** Checks of request fields; each refusal names the field and says what is expected. */
public final class Fields {

    private static final BigDecimal MAX_KW_OR_KWH = new BigDecimal("100000");

    private Fields() {
    }

    /** The trimmed text; missing or blank is refused. */
    public static String required(String field, String value, int maxLength) {
        String text = optional(field, value, maxLength);
        if (text == null) {
            throw ApiException.invalid(field, "is required (at most " + maxLength + " characters)");
        }
        return text;
    }

    /** The trimmed text, or null when missing or blank. */
    public static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            throw ApiException.invalid(field, "at most " + maxLength + " characters (got " + text.length() + ")");
        }
        return text;
    }

    public static String matching(String field, String value, Pattern pattern, String expected) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw ApiException.invalid(field, expected + " (got '" + value + "')");
        }
        return value;
    }

    public static String oneOf(String field, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw ApiException.invalid(field, "one of " + String.join(", ", allowed) + " (got '" + value + "')");
        }
        return value;
    }

    /** A power (kW) or energy (kWh) figure: greater than zero, or null when not given. */
    public static BigDecimal positiveAmount(String field, BigDecimal value) {
        if (value != null && (value.signum() <= 0 || value.compareTo(MAX_KW_OR_KWH) > 0)) {
            throw ApiException.invalid(field, "a number greater than 0 and at most " + MAX_KW_OR_KWH
                    + " (got " + value.toPlainString() + ")");
        }
        return value;
    }
}
