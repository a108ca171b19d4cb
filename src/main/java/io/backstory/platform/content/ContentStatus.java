package io.backstory.platform.content;

/** Lifecycle of posts and comments; only PUBLISHED content is ever shown to the public. */
public enum ContentStatus {
    PUBLISHED("Live: readers see it"),
    PENDING_REVIEW("Waiting for a moderator: hidden from readers"),
    HIDDEN("Hidden from readers"),
    REMOVED("Removed");

    private final String label;

    ContentStatus(String label) {
        this.label = label;
    }

    /** The status in plain words, as pages show it. */
    public String label() {
        return label;
    }

    /** Whether readers see the content now. */
    public boolean readersSeeIt() {
        return this == PUBLISHED;
    }
}
