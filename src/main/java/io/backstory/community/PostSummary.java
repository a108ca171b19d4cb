package io.backstory.community;

import io.backstory.platform.content.PostKind;
import io.backstory.platform.content.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * A post as lists show it: no body. {@code outcome} is what the listed remedy did for the author, on a
 * remedy's list only.
 */
public record PostSummary(long id, PostKind kind, String title, String author, Instant createdAt, int score,
        int commentCount, List<Tag> conditions, Outcome outcome) {
}
