package io.backstory.evidence;

import java.time.Instant;
import java.util.List;

import io.backstory.platform.content.Outcome;

/**
 * A tip: a tip post, a post reporting remedy outcomes, or a comment tagged with remedies. {@code postId} is the
 * post it belongs to (itself for a post); {@code excerpt} is the start of a comment's text.
 */
public record Tip(Type type, long id, long postId, String title, String excerpt, String author, int upvotes,
        int downvotes, double bestRank, Instant createdAt, List<TipRemedy> remedies) {

    public enum Type {
        POST, COMMENT
    }

    public record TipRemedy(String slug, String name, Outcome outcome) {
    }

    public String link() {
        return type == Type.POST ? "/posts/" + id : "/posts/" + postId + "#c" + id;
    }
}
