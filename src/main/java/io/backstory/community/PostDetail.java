package io.backstory.community;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.content.Outcome;
import io.backstory.platform.content.PostKind;
import io.backstory.platform.errors.CurrentState;
import io.backstory.taxonomy.RedFlagAdvice;
import io.backstory.taxonomy.RemedyCategory;

/**
 * A whole post as its page and the API show it; {@code redFlags} are its conditions' red-flag texts, which the
 * urgent-care box of the post or of a comment on it quotes.
 */
public record PostDetail(long id, PostKind kind, String title, String body, String bodyHtml, String author,
        @JsonIgnore Long authorId, int authorHelped, List<Tag> conditions, List<RemedyTag> remedies, int upvotes,
        int downvotes, int commentCount, Long acceptedCommentId, Instant createdAt, Instant editedAt, int version,
        ContentStatus status, List<String> safetyNotices,
        @Schema(description = "Advice for red-flag symptoms the post describes (get urgent care), apart from the "
                + "safety notes") List<String> urgentCare,
        @JsonIgnore List<RedFlagAdvice> redFlags) implements CurrentState {

    public record RemedyTag(String slug, String name, RemedyCategory category, Outcome outcome, String caution) {
    }

    public int score() {
        return upvotes - downvotes;
    }

    /** This post with its tallies as they are now (a shared read model's lag by up to the cache's lifetime). */
    PostDetail withTallies(int up, int down) {
        return new PostDetail(id, kind, title, body, bodyHtml, author, authorId, authorHelped, conditions, remedies, up, down,
                commentCount, acceptedCommentId, createdAt, editedAt, version, status, safetyNotices, urgentCare, redFlags);
    }

    static PostDetail of(Post post) {
        return new PostDetail(post.id, post.kind, post.title, post.bodyMarkdown, post.bodyHtml,
                post.author == null ? null : post.author.handle, post.author == null ? null : post.author.id,
                post.author == null ? 0 : post.author.helpedCount,
                post.conditions.stream().map(c -> new Tag(c.slug, c.name)).toList(),
                post.remedies.stream().map(r -> new RemedyTag(r.remedy.slug, r.remedy.name, r.remedy.category,
                        r.outcome, r.remedy.caution)).toList(),
                post.upvotes, post.downvotes, post.commentCount,
                post.acceptedComment == null ? null : post.acceptedComment.id, post.createdAt, post.editedAt, post.version,
                post.status, List.of(post.safetyNotices), List.of(post.urgentCare), RedFlagAdvice.of(post.conditions));
    }
}
