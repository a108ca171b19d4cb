package io.backstory.community;

import java.time.Instant;
import java.util.List;

/** A post as lists show it: enough for a line in a list, no body. */
public record PostSummary(long id, PostKind kind, String title, String author, Instant createdAt, int score,
        int commentCount, List<Tag> conditions) {

    public record Tag(String slug, String name) {
    }
}
