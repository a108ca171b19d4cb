package io.backstory.platform.errors;

/** One field of a request that is not valid, named as the request names it ({@code remedies[2].remedy}). */
public record FieldError(String field, String message) {
}
