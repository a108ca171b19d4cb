package io.backstory.community;

public record ConditionCount(String slug, String name, long posts) {
}
