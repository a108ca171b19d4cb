package io.backstory.community;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.backstory.platform.content.ContentKind;
import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.content.ModeratedContent;
import io.backstory.platform.content.Tips;
import io.backstory.platform.content.Visibility;
import io.backstory.platform.content.VoteTallies;
import io.backstory.platform.db.NamedRow;
import io.backstory.platform.text.MarkdownRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/**
 * Writes to posts and comments that are not an author's edit of their own entity: status moves, notices, a moderator's
 * text, vote tallies, and every revision (an author's save and a moderator's edit alike). Plain SQL, so no author's
 * edit version moves; other features reach it through {@link ModeratedContent} and {@link VoteTallies}.
 */
@ApplicationScoped
public class ContentStore implements ModeratedContent, VoteTallies {

    private final EntityManager em;
    private final MarkdownRenderer markdown;

    public ContentStore(EntityManager em, MarkdownRenderer markdown) {
        this.em = em;
        this.markdown = markdown;
    }

    @Override
    public void moveStatus(ContentKind kind, long id, ContentStatus from, ContentStatus to) {
        if (from == to) {
            return;
        }
        em.createNativeQuery("update " + kind.table + " set status = ?1 where id = ?2")
                .setParameter(1, to.name()).setParameter(2, id).executeUpdate();
        if (to == ContentStatus.PUBLISHED) {
            // What the public now reads joins its revision history (a version saved while held was not in it).
            setNewestRevisionPublic(kind, id, true);
        }
        if (kind == ContentKind.COMMENT && (from == ContentStatus.PUBLISHED || to == ContentStatus.PUBLISHED)) {
            em.createNativeQuery("update post set comment_count = greatest(comment_count + ?1, 0)"
                    + " where id = (select post_id from comment where id = ?2)")
                    .setParameter(1, to == ContentStatus.PUBLISHED ? 1 : -1).setParameter(2, id).executeUpdate();
        }
    }

    @Override
    public void addSafetyNotice(ContentKind kind, long id, String notice) {
        em.createNativeQuery("update " + kind.table + " set safety_notices = array_append(safety_notices, ?1) where id = ?2")
                .setParameter(1, notice).setParameter(2, id).executeUpdate();
    }

    @Override
    public void removeSafetyNotice(ContentKind kind, long id, String notice) {
        em.createNativeQuery("update " + kind.table + " set safety_notices = array_remove(safety_notices, ?1) where id = ?2")
                .setParameter(1, notice).setParameter(2, id).executeUpdate();
    }

    @Override
    public void addUrgentCare(ContentKind kind, long id, String advice) {
        em.createNativeQuery("update " + kind.table + " set urgent_care = array_append(urgent_care, ?1)"
                + " where id = ?2 and not (?1 = any(urgent_care))").setParameter(1, advice).setParameter(2, id)
                .executeUpdate();
    }

    @Override
    public boolean removeUrgentCare(ContentKind kind, long id, String advice) {
        return em.createNativeQuery("update " + kind.table + " set urgent_care = array_remove(urgent_care, ?1)"
                + " where id = ?2 and ?1 = any(urgent_care)").setParameter(1, advice).setParameter(2, id).executeUpdate() > 0;
    }

    @Override
    public void replaceText(ContentKind kind, long id, String text, long editorId) {
        em.createNativeQuery("update " + kind.table + "_revision set in_public_history = false where " + kind.table
                + "_id = ?1").setParameter(1, id).executeUpdate();
        em.createNativeQuery("update " + kind.table + " set body_markdown = ?1, body_html = ?2, edited_at = now() where id = ?3")
                .setParameter(1, text).setParameter(2, markdown.toSafeHtml(text)).setParameter(3, id).executeUpdate();
        if (kind == ContentKind.POST) {
            em.createNativeQuery("call refresh_post_search(?1)").setParameter(1, id).executeUpdate();
        }
        recordRevision(kind, id, editorId, null, true);
    }

    /**
     * The one way revisions are written: the content's current title and text as its next revision. {@code tags}
     * (posts only; null keeps the previous revision's) are the conditions and outcomes as text, so their changes show
     * in the diff.
     */
    void recordRevision(ContentKind kind, long id, Long editorId, String tags, boolean inPublicHistory) {
        em.flush(); // the revision copies the row as saved
        if (kind == ContentKind.POST) {
            em.createNativeQuery("""
                    insert into post_revision (post_id, revision, editor_id, title, body_markdown, tags, in_public_history)
                    select p.id, coalesce(max(r.revision), 0) + 1, cast(?2 as bigint), p.title, p.body_markdown,
                           coalesce(cast(?3 as text), (select tags from post_revision where post_id = p.id order by revision desc limit 1), ''),
                           ?4
                    from post p left join post_revision r on r.post_id = p.id where p.id = ?1 group by p.id""")
                    .setParameter(1, id).setParameter(2, editorId).setParameter(3, tags).setParameter(4, inPublicHistory)
                    .executeUpdate();
        } else {
            em.createNativeQuery("""
                    insert into comment_revision (comment_id, revision, editor_id, body_markdown, in_public_history)
                    select c.id, coalesce(max(r.revision), 0) + 1, cast(?2 as bigint), c.body_markdown, ?3
                    from comment c left join comment_revision r on r.comment_id = c.id where c.id = ?1 group by c.id""")
                    .setParameter(1, id).setParameter(2, editorId).setParameter(3, inPublicHistory).executeUpdate();
        }
    }

    /**
     * The saved versions of a post or comment, oldest first: every one, or ({@code publicOnly}) those the public sees.
     * A post's version carries its tags below the text, so that their changes show in the diff.
     */
    List<Revision> revisions(ContentKind kind, long id, boolean publicOnly) {
        String titleAndText = kind == ContentKind.POST
                ? "r.title, r.body_markdown || chr(10) || chr(10) || r.tags as text"
                : "cast(null as text) as title, r.body_markdown as text";
        return NamedRow.all(em.createNativeQuery("select r.revision, m.handle, r.created_at, " + titleAndText
                + ", r.in_public_history from " + kind.table + "_revision r left join member m on m.id = r.editor_id"
                + " where r." + kind.table + "_id = ?1" + (publicOnly ? " and r.in_public_history" : "")
                + " order by r.revision", Tuple.class).setParameter(1, id)).stream()
                .map(r -> new Revision((int) r.number("revision"), r.text("handle"), r.instant("created_at"),
                        r.text("title"), r.text("text"), r.bool("in_public_history")))
                .toList();
    }

    /** An author's deletion erases the text's history with it. */
    void deleteRevisions(ContentKind kind, long id) {
        em.createNativeQuery("delete from " + kind.table + "_revision where " + kind.table + "_id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    @Override
    public void setNewestRevisionPublic(ContentKind kind, long id, boolean inPublicHistory) {
        em.createNativeQuery("update " + kind.table + "_revision set in_public_history = ?2 where " + kind.table
                + "_id = ?1 and revision = (select max(revision) from " + kind.table + "_revision where "
                + kind.table + "_id = ?1)").setParameter(1, id).setParameter(2, inPublicHistory).executeUpdate();
    }

    @Override
    public Optional<LockedTarget> lockVisible(ContentKind kind, long id) {
        // One statement locks the target and reads its author, whether it is a tip and its tallies.
        String from = switch (kind) {
            case POST -> "from post p where p.id = ?1 and " + Visibility.toReadersSql("p") + " for update";
            case COMMENT -> """
                    from comment c join post p on p.id = c.post_id
                    where c.id = ?1 and %s and %s
                    for update of c""".formatted(Visibility.toReadersSql("c"), Visibility.toReadersSql("p"));
        };
        String a = alias(kind);
        List<NamedRow> rows = NamedRow.all(em.createNativeQuery("select " + a + ".author_id, " + Tips.isTipSql(kind, a)
                + " as tip, " + a + ".upvotes, " + a + ".downvotes, " + a + ".score " + from, Tuple.class).setParameter(1, id));
        return rows.stream().findFirst().map(row -> new LockedTarget(row.numberOrNull("author_id"), row.bool("tip"), tallies(row)));
    }

    @Override
    public Tallies add(ContentKind kind, long id, int upDelta, int downDelta) {
        return tallies(new NamedRow((Tuple) em.createNativeQuery("update " + kind.table
                + " set upvotes = upvotes + ?1, downvotes = downvotes + ?2 where id = ?3 returning upvotes, downvotes, score",
                Tuple.class).setParameter(1, upDelta).setParameter(2, downDelta).setParameter(3, id).getSingleResult()));
    }

    @Override
    public Set<Long> recount(ContentKind kind, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        // The vote rows are voting's: read here, in the same statement that writes the tallies.
        String votes = kind.table + "_vote";
        String target = kind.table + "_id";
        return NamedRow.all(em.createNativeQuery("update " + kind.table + " t set upvotes = (select count(*) from " + votes
                + " v where v." + target + " = t.id and v.value = 1), downvotes = (select count(*) from " + votes + " v where v."
                + target + " = t.id and v.value = -1) where t.id = any(?1) returning t.author_id", Tuple.class)
                .setParameter(1, ids.toArray(Long[]::new))).stream().map(row -> row.numberOrNull("author_id"))
                .filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static Tallies tallies(NamedRow row) {
        return new Tallies((int) row.number("upvotes"), (int) row.number("downvotes"), (int) row.number("score"));
    }

    private static String alias(ContentKind kind) {
        return kind == ContentKind.POST ? "p" : "c";
    }

    /**
     * A deleted account's posts and comments: without {@code keepContent} their text and its revisions go (the rows stay
     * as "[deleted]" so threads keep their shape); either way they lose their author and read as a former member's.
     */
    public void eraseAuthor(long authorId, boolean keepContent) {
        if (!keepContent) {
            em.createNativeQuery("delete from post_revision where post_id in (select id from post where author_id = ?1)")
                    .setParameter(1, authorId).executeUpdate();
            em.createNativeQuery("delete from comment_revision where comment_id in (select id from comment where author_id = ?1)")
                    .setParameter(1, authorId).executeUpdate();
            // The search document is refreshed only when a post is written, so it is cleared with the text.
            em.createNativeQuery("""
                    update post set deleted = true, title = '[deleted]', body_markdown = '', body_html = '',
                           safety_notices = '{}', urgent_care = '{}', search_vector = ''::tsvector where author_id = ?1""")
                    .setParameter(1, authorId).executeUpdate();
            em.createNativeQuery("""
                    update comment set deleted = true, body_markdown = '', body_html = '', safety_notices = '{}',
                           urgent_care = '{}' where author_id = ?1""").setParameter(1, authorId).executeUpdate();
            em.createNativeQuery("""
                    update post p set comment_count = (select count(*) from comment c
                        where c.post_id = p.id and %s)
                    where p.id in (select post_id from comment where author_id = ?1)""".formatted(Visibility.toReadersSql("c")))
                    .setParameter(1, authorId).executeUpdate();
        }
        em.createNativeQuery("update post set author_id = null where author_id = ?1").setParameter(1, authorId).executeUpdate();
        em.createNativeQuery("update comment set author_id = null where author_id = ?1").setParameter(1, authorId).executeUpdate();
    }
}
