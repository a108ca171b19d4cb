package io.backstory.moderation.model;

import io.backstory.moderation.ScreeningCategory;

/** What a labelled sentence is: one of the screening categories, or benign. */
public enum SentenceLabel {
    BENIGN, UNSAFE_ADVICE, RED_FLAG, SPAM;

    /** The screening category of this label; null for BENIGN. */
    public ScreeningCategory category() {
        return this == BENIGN ? null : ScreeningCategory.valueOf(name());
    }
}
