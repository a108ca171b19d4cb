package io.backstory.moderation;

public enum ScreeningCategory {
    UNSAFE_ADVICE("unsafe advice"), RED_FLAG("red-flag symptoms"), SPAM("spam");

    private final String plainName;

    ScreeningCategory(String plainName) {
        this.plainName = plainName;
    }

    /** The category as a moderator reads it in a reason. */
    public String plainName() {
        return plainName;
    }
}
