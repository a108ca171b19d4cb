package io.backstory.moderation;

/** Where a review item stands: waiting, or how a moderator closed it. */
public enum ReviewItemStatus {
    OPEN("Waiting for a decision"), APPROVED("Approved"), HIDDEN("Hidden"), REMOVED("Removed"),
    DISMISSED("Flags dismissed");

    private final String label;

    ReviewItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this == OPEN;
    }
}
