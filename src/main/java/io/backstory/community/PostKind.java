package io.backstory.community;

public enum PostKind {
    STORY("Story"), QUESTION("Question"), TIP("Tip");

    public final String label;

    PostKind(String label) {
        this.label = label;
    }
}
