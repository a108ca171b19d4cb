package io.backstory.platform.api;

/** Turning what a form or request sent into values: blanks become null, unknown enum names become null. */
public final class FormValues {

    private FormValues() {
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The enum constant named {@code value}, or null for none or an unknown name (validation then names the field). */
    public static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
