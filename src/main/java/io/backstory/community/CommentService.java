package io.backstory.community;

import io.backstory.platform.content.ContentKind;
import io.backstory.platform.content.ContentStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.backstory.accounts.CurrentMember;
import io.backstory.accounts.Member;
import io.backstory.accounts.MemberStanding;
import io.backstory.notifications.NotificationKind;
import io.backstory.notifications.NotificationService;
import io.backstory.writing.MentionService;
import io.backstory.moderation.ScreeningResult;
import io.backstory.platform.api.InputValidator;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.NotFoundException;
import io.backstory.platform.errors.ConflictException;
import io.backstory.platform.ratelimit.RateLimiter;
import io.backstory.platform.ratelimit.RateLimits;
import io.backstory.platform.text.MarkdownRenderer;
import io.backstory.taxonomy.TagResolver;
import io.backstory.platform.db.NamedRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/** Threaded comments: replies, edits with revisions, deletion that keeps replies in place, and reading threads. */
@ApplicationScoped
public class CommentService {

    private final TagResolver tags;
    private final EntityManager em;
    private final MemberStanding standing;
    private final ContentWriter writer;
    private final NotificationService notifications;
    private final MentionService mentions;
    private final ContentStore store;

    public CommentService(TagResolver tags, EntityManager em, MemberStanding standing, ContentWriter writer,
            NotificationService notifications, MentionService mentions, ContentStore store) {
        this.tags = tags;
        this.em = em;
        this.standing = standing;
        this.writer = writer;
        this.notifications = notifications;
        this.mentions = mentions;
        this.store = store;
    }

    @Transactional
    public CommentDetail create(long postId, CommentRequest request, Member author) {
        writer.admitNew(request, author, ContentKind.COMMENT);
        Post post = Post.findById(postId);
        if (post == null) {
            throw new NotFoundException("Post " + postId);
        }
        if (!post.isVisible()) {
            throw new ConflictException("This post was removed, so it no longer takes comments.");
        }
        Comment comment = new Comment();
        comment.post = post;
        comment.author = author;
        if (request.parentId() != null) {
            Comment parent = Comment.findById(request.parentId());
            if (parent == null || !parent.post.id.equals(postId)) {
                throw new InvalidInputException("parentId", "comment " + request.parentId() + " is not a comment on post " + postId);
            }
            if (!parent.isVisible()) {
                throw new ConflictException("The comment you are replying to was deleted.");
            }
            comment.parent = parent;
        }
        apply(request, comment);
        writer.save(comment, author, comment.bodyMarkdown, post.conditions, null);
        if (comment.isVisible()) {
            // A counter update, not an entity change: commenting must not bump the post's edit version.
            em.createNativeQuery("update post set comment_count = comment_count + 1 where id = ?1")
                    .setParameter(1, postId).executeUpdate();
            notifyParentAuthor(comment, post, author);
            mentions.commentSaved(postId, comment.id, comment.bodyMarkdown, author);
        }
        return CommentDetail.of(comment);
    }

    @Transactional
    public CommentDetail edit(long id, CommentRequest request, Member editor) {
        writer.admit(request, editor);
        Comment comment = ownComment(id, editor, "edit");
        comment.requireVersion(request.version(), () -> CommentDetail.of(comment));
        apply(request, comment);
        // Its remedy tags decide whether it counts as a tip: the pipeline recounts the editor's "helped" total.
        writer.save(comment, editor, comment.bodyMarkdown, comment.post.conditions, null);
        if (!comment.isVisible()) {
            em.createNativeQuery("update post set comment_count = greatest(comment_count - 1, 0) where id = ?1")
                    .setParameter(1, comment.post.id).executeUpdate();
        } else {
            mentions.commentSaved(comment.post.id, comment.id, comment.bodyMarkdown, editor);
        }
        return CommentDetail.of(comment);
    }

    /**
     * The author deletes: the text and its history go; replies stay under a "[deleted]" placeholder. Returns the post
     * to go back to, or null when it is gone.
     */
    @Transactional
    public Long delete(long id, Member member) {
        Comment comment = ownComment(id, member, "delete");
        comment.deleted = true;
        comment.bodyMarkdown = "";
        comment.bodyHtml = "";
        comment.remedies.clear();
        store.deleteRevisions(ContentKind.COMMENT, id);
        em.createNativeQuery("update post set comment_count = greatest(comment_count - 1, 0),"
                + " accepted_comment_id = case when accepted_comment_id = ?2 then null else accepted_comment_id end"
                + " where id = ?1").setParameter(1, comment.post.id).setParameter(2, id).executeUpdate();
        standing.recountHelped(member.id);
        return comment.post.isVisible() ? comment.post.id : null;
    }

    /** The comment as its author is about to edit it; refused (not allowed) for anyone else. */
    @Transactional
    public CommentDetail getForAuthor(long id, Member member, String action) {
        return CommentDetail.of(ownComment(id, member, action));
    }

    @Transactional
    public CommentDetail get(long id) {
        return CommentDetail.of(findVisible(id));
    }

    /** The versions of a visible comment this reader may see, oldest first. */
    @Transactional
    public List<Revision> revisions(long id, CurrentMember reader) {
        return store.revisions(ContentKind.COMMENT, id, !findVisible(id).showsUnpublishedTo(reader));
    }

    /** The whole thread of a visible post: two statements, whatever its size. */
    @Transactional
    public List<CommentNode> thread(long postId, CommentTree.Sort sort) {
        return thread(postId, sort, null);
    }

    /** The thread as {@code readerId} sees it: with their own comments that wait for a moderator's check. */
    @Transactional
    public List<CommentNode> thread(long postId, CommentTree.Sort sort, Long readerId) {
        return CommentTree.build(rows(postId, readerId), null, sort);
    }

    /** Whether {@code readerId} has comments on this post waiting for a moderator's check (theirs alone to see). */
    @Transactional
    public boolean hasWaiting(long postId, long readerId) {
        return !em.createNativeQuery("""
                select 1 from comment where post_id = ?1 and author_id = ?2 and status = ?3 and not deleted limit 1""")
                .setParameter(1, postId).setParameter(2, readerId).setParameter(3, ContentStatus.PENDING_REVIEW.name())
                .getResultList().isEmpty();
    }

    /** The replies below one comment, for "continue this thread"; the comment itself comes first. */
    @Transactional
    public List<CommentNode> subtree(long postId, long commentId, CommentTree.Sort sort, Long readerId) {
        List<CommentTree.Row> rows = rows(postId, readerId);
        CommentTree.Row root = rows.stream().filter(r -> r.id() == commentId).findFirst()
                .orElseThrow(() -> new NotFoundException("Comment " + commentId + " on post " + postId));
        List<CommentNode> below = CommentTree.build(rows, root.parentId(), sort);
        return below.stream().filter(n -> n.id() == commentId).toList();
    }

    private List<CommentTree.Row> rows(long postId, Long readerId) {
        PostService.findVisible(postId);
        Map<Long, List<Tag>> remedies = new HashMap<>();
        for (NamedRow r : NamedRow.all(em.createNativeQuery("""
                select cr.comment_id, r.slug, r.name
                from comment_remedy cr
                join comment c on c.id = cr.comment_id
                join remedy r on r.id = cr.remedy_id
                where c.post_id = ?1
                order by r.name""", Tuple.class).setParameter(1, postId))) {
            remedies.computeIfAbsent(r.number("comment_id"), k -> new ArrayList<>()).add(new Tag(r.text("slug"), r.text("name")));
        }
        List<NamedRow> commentRows = NamedRow.all(em.createNativeQuery("""
                select c.id, c.parent_id, c.deleted, c.status, m.handle, c.author_id, c.body_html,
                       c.upvotes, c.downvotes, c.created_at, c.edited_at, c.version, coalesce(m.helped_count, 0) as helped,
                       c.safety_notices, c.urgent_care
                from comment c
                left join member m on m.id = c.author_id
                where c.post_id = ?1""", Tuple.class).setParameter(1, postId));
        List<CommentTree.Row> rows = new ArrayList<>(commentRows.size());
        for (NamedRow r : commentRows) {
            long id = r.number("id");
            Long authorId = r.numberOrNull("author_id");
            boolean readersOwn = readerId != null && readerId.equals(authorId);
            ContentStatus status = r.enumValue("status", ContentStatus.class);
            CommentNode.State state = r.bool("deleted") ? CommentNode.State.DELETED
                    : status == ContentStatus.PUBLISHED ? CommentNode.State.VISIBLE
                    : status == ContentStatus.HIDDEN ? CommentNode.State.HIDDEN
                    : status == ContentStatus.PENDING_REVIEW && readersOwn ? CommentNode.State.WAITING
                    : CommentNode.State.REMOVED;
            rows.add(new CommentTree.Row(id, r.numberOrNull("parent_id"), state, r.text("handle"), authorId,
                    (int) r.number("helped"), r.text("body_html"), remedies.getOrDefault(id, List.of()),
                    (int) r.number("upvotes"), (int) r.number("downvotes"), r.instant("created_at"), r.instant("edited_at"),
                    (int) r.number("version"), notices(r.tuple().get("safety_notices")), notices(r.tuple().get("urgent_care"))));
        }
        return rows;
    }

    private static List<String> notices(Object array) {
        try {
            Object[] values = array instanceof java.sql.Array sql ? (Object[]) sql.getArray() : (Object[]) array;
            return values == null ? List.of() : java.util.Arrays.stream(values).map(String::valueOf).toList();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The member's own comment, to edit or delete. Once its post is no longer public (held, hidden or removed by
     * moderation, deleted by its author or with their account) nobody else reaches the comment, but its author can
     * still delete it; editing text nobody can read is refused.
     */
    private static Comment ownComment(long id, Member member, String action) {
        Comment comment = Comment.findById(id);
        if (comment != null && comment.isVisible() && !comment.post.isVisible() && comment.isAuthoredBy(member)) {
            if (!"delete".equals(action)) {
                throw new ConflictException("The post this comment replied to is no longer public, so the comment "
                        + "cannot be changed; you can still delete it.");
            }
            return comment;
        }
        comment = findVisible(id);
        comment.requireAuthor(member, action);
        return comment;
    }

    static Comment findVisible(long id) {
        Comment comment = Comment.findById(id);
        if (comment == null || !comment.isVisible() || !comment.post.isVisible()) {
            throw new NotFoundException("Comment " + id);
        }
        return comment;
    }

    private void apply(CommentRequest request, Comment comment) {
        comment.bodyMarkdown = request.body();
        comment.remedies.clear();
        comment.remedies.addAll(tags.remedies(request.remedySlugs(), i -> "remedies[" + i + "]"));
    }

    /** The author of what was replied to (the comment, or the post for a top-level reply) hears about it once. */
    private void notifyParentAuthor(Comment reply, Post post, Member replier) {
        Member parentAuthor = reply.parent != null ? reply.parent.author : post.author;
        if (parentAuthor != null && !parentAuthor.id.equals(replier.id)) {
            notifications.notify(NotificationKind.REPLY, parentAuthor.id, replier.id, post.id, NotificationService.ACTOR + " replied to your "
                    + (reply.parent != null ? "comment" : "post") + " on \"" + NotificationService.POST_TITLE + "\".",
                    "/posts/" + post.id + "#c" + reply.id);
        }
    }
}
