package io.backstory.community;

import io.backstory.platform.content.ContentKind;
import io.backstory.platform.content.PostKind;
import io.backstory.platform.content.ContentStatus;
import java.util.List;

import io.backstory.accounts.CurrentMember;
import io.backstory.accounts.Member;
import io.backstory.accounts.MemberStanding;
import io.backstory.following.FollowingService;
import io.backstory.notifications.NotificationKind;
import io.backstory.notifications.NotificationService;
import io.backstory.writing.MentionService;
import io.backstory.moderation.NewMemberReview;
import io.backstory.moderation.ReviewTarget;
import io.backstory.moderation.ScreeningResult;
import io.backstory.platform.api.InputValidator;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.NotFoundException;
import io.backstory.platform.errors.NotAllowedException;
import io.backstory.platform.ratelimit.RateLimiter;
import io.backstory.platform.ratelimit.RateLimits;
import io.backstory.platform.text.MarkdownRenderer;
import io.backstory.taxonomy.Remedy;
import io.backstory.taxonomy.TagResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Writing posts: validation, tags, rendering, revisions and who may change what. */
@ApplicationScoped
public class PostService {

    private final TagResolver tags;
    private final MemberStanding standing;
    private final ContentWriter writer;
    private final FollowingService following;
    private final NotificationService notifications;
    private final MentionService mentions;
    private final ContentStore store;

    public PostService(TagResolver tags, MemberStanding standing, ContentWriter writer, FollowingService following,
            NotificationService notifications, MentionService mentions, ContentStore store) {
        this.tags = tags;
        this.standing = standing;
        this.writer = writer;
        this.following = following;
        this.notifications = notifications;
        this.mentions = mentions;
        this.store = store;
    }

    /** Creates a published post. Everything is checked before anything is written. */
    @Transactional
    public PostDetail create(PostRequest request, Member author) {
        writer.admitNew(request, author, ContentKind.POST);
        Post post = new Post();
        post.author = author;
        apply(request, post);
        save(post, author);
        refreshSearch(post);
        following.announceNewPost(post.id);
        tellMentioned(post, author);
        return PostDetail.of(post);
    }

    /** Saves an edit by the post's author, if the post is still at the version the edit started from. */
    @Transactional
    public PostDetail edit(long id, PostRequest request, Member editor) {
        writer.admit(request, editor);
        Post post = findVisible(id);
        post.requireAuthor(editor, "edit");
        post.requireVersion(request.version(), () -> PostDetail.of(post));
        apply(request, post);
        save(post, editor); // kind and remedy outcomes decide whether it counts as a tip
        refreshSearch(post);
        tellMentioned(post, editor);
        return PostDetail.of(post);
    }

    /** Members named with @handle hear about it once the post is public (held text names nobody yet). */
    private void tellMentioned(Post post, Member author) {
        if (post.isVisible()) {
            mentions.postSaved(post.id, post.bodyMarkdown, author);
        }
    }

    @Transactional
    public void delete(long id, Member member) {
        Post post = findVisible(id);
        post.requireAuthor(member, "delete");
        post.deleted = true;
        post.flush();
        standing.recountHelped(member.id);
    }

    /**
     * The question's author marks the comment that answered it (null clears the mark). A counter-style
     * update: marking an answer does not bump the question's edit version.
     */
    @Transactional
    public void acceptAnswer(long postId, Long commentId, Member member) {
        Post post = findVisible(postId);
        if (post.kind != PostKind.QUESTION) {
            throw new InvalidInputException("commentId", "only questions have an accepted answer");
        }
        if (!post.isAuthoredBy(member)) {
            throw new NotAllowedException("Only the person who asked can mark the answer that helped.");
        }
        if (commentId != null) {
            Comment comment = Comment.findById(commentId);
            if (comment == null || !comment.post.id.equals(postId) || !comment.isVisible()) {
                throw new InvalidInputException("commentId", "comment " + commentId + " is not a visible comment on this question");
            }
        }
        Post.getEntityManager().createNativeQuery("update post set accepted_comment_id = ?1 where id = ?2")
                .setParameter(1, commentId).setParameter(2, postId).executeUpdate();
        if (commentId != null) {
            Comment answer = Comment.findById(commentId);
            if (answer.author != null && !answer.author.id.equals(member.id)) {
                notifications.notify(NotificationKind.ANSWER_ACCEPTED, answer.author.id, null, postId, "Your answer on \"" + NotificationService.POST_TITLE
                        + "\" was marked as the one that helped.",
                        "/posts/" + postId + "#c" + commentId);
            }
        }
    }

    /** The post as its author is about to edit it; refused (not allowed) for anyone else. */
    @Transactional
    public PostDetail getForAuthor(long id, Member member, String action) {
        Post post = findVisible(id);
        post.requireAuthor(member, action);
        return PostDetail.of(post);
    }

    @Transactional
    public PostDetail get(long id) {
        return PostDetail.of(findVisible(id));
    }

    /** The versions of a visible post this reader may see, oldest first. */
    @Transactional
    public List<Revision> revisions(long id, CurrentMember reader) {
        return store.revisions(ContentKind.POST, id, !findVisible(id).showsUnpublishedTo(reader));
    }

    static Post findVisible(long id) {
        Post post = Post.findById(id);
        if (post != null && !post.deleted && post.status == ContentStatus.HIDDEN) {
            throw new NotFoundException("Hidden for review",
                    "This post is hidden for moderation: flagged by members and waiting for a moderator, or hidden by one.");
        }
        if (post == null || !post.isVisible()) {
            throw new NotFoundException("Post " + id);
        }
        return post;
    }

    private void apply(PostRequest request, Post post) {
        post.kind = request.kind();
        post.title = request.title().strip();
        post.bodyMarkdown = request.body();
        post.conditions.clear();
        post.conditions.addAll(tags.conditions(request.conditions(), "conditions"));
        post.remedies.clear();
        List<PostRequest.RemedyTag> requested = request.remedyTags();
        List<Remedy> remedies = tags.remedies(requested.stream().map(PostRequest.RemedyTag::remedy).toList(),
                i -> "remedies[" + i + "].remedy");
        for (int i = 0; i < remedies.size(); i++) {
            post.remedies.add(new RemedyOutcome(remedies.get(i), requested.get(i).outcome()));
        }
    }

    /** Screened as title and text together; its revision records its tags. */
    private void save(Post post, Member editor) {
        writer.save(post, editor, post.title + "\n\n" + post.bodyMarkdown, post.conditions, post.revisionTags());
    }

    /** The search document includes the tags, which are written after the post row: refresh it once all is flushed. */
    private static void refreshSearch(Post post) {
        Post.getEntityManager().flush();
        Post.getEntityManager().createNativeQuery("call refresh_post_search(?1)").setParameter(1, post.id).executeUpdate();
    }
}
