package io.backstory.community;

import java.time.Instant;
import java.util.List;

/** A post as the JSON API shows it. */
public record PostView(long id, PostKind kind, String title, String body, String author, List<String> conditions,
        List<RemedyView> remedies, int upvotes, int downvotes, int commentCount, Instant createdAt, Instant editedAt,
        int version) {

    public record RemedyView(String remedy, Outcome outcome) {
    }

    static PostView of(Post post) {
        return new PostView(post.id, post.kind, post.title, post.bodyMarkdown,
                post.author == null ? null : post.author.handle,
                post.conditions.stream().map(c -> c.slug).toList(),
                post.remedies.stream().map(r -> new RemedyView(r.remedy.slug, r.outcome)).toList(),
                post.upvotes, post.downvotes, post.commentCount, post.createdAt, post.editedAt, post.version);
    }
}
