package io.backstory.moderation.model;

/** A labelled sentence with its model features (embedding and context). */
public record Example(SentenceLabel label, String text, float[] features) {
}
