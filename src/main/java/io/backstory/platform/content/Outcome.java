package io.backstory.platform.content;

/** What a remedy did for the person who tried it. */
public enum Outcome {
    HELPED("Helped"), NO_CHANGE("No change"), WORSE("Made it worse");

    public final String label;

    Outcome(String label) {
        this.label = label;
    }
}
