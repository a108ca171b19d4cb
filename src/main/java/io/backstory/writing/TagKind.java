package io.backstory.writing;

/** What a suggested tag names: a condition the text is about, or a remedy the member tried. */
public enum TagKind {
    CONDITION, REMEDY
}
