package io.backstory.community;

/** A condition or remedy as lists and pages link to it. */
public record Tag(String slug, String name) {
}
