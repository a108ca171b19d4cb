package io.backstory.moderation;

public enum ScreeningCategory {
    UNSAFE_ADVICE, RED_FLAG, SPAM
}
