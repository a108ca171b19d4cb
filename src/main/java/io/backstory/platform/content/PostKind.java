package io.backstory.platform.content;

public enum PostKind {
    STORY("Story"), QUESTION("Question"), TIP("Tip");

    public final String label;

    PostKind(String label) {
        this.label = label;
    }

    /** The kind named by a query parameter (any case); null for none; invalid input for anything else. */
    public static PostKind fromParameter(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (PostKind kind : values()) {
            if (kind.name().equalsIgnoreCase(value.strip())) {
                return kind;
            }
        }
        throw new io.backstory.platform.errors.InvalidInputException(parameter, "must be story, question or tip");
    }
}
