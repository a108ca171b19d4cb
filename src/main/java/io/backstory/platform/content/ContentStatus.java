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

    /**
     * The status as a SQL literal. Posts and comments store it by name ({@code @Enumerated(STRING)}); this is the one
     * place SQL spells it, so a renamed status cannot leave a query comparing with a value that no longer exists.
     */
    public String sql() {
        return "'" + name() + "'";
    }

    /** The statuses as a SQL list, for {@code status in (...)}. */
    public static String sqlList(ContentStatus... statuses) {
        return java.util.Arrays.stream(statuses).map(ContentStatus::sql)
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }
}
