package io.backstory.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.backstory.accounts.Member;
import io.backstory.community.ContentStatus;
import io.backstory.notifications.NotificationKind;
import io.backstory.notifications.NotificationService;
import io.backstory.platform.api.InvalidInputException;
import io.backstory.platform.text.ContentLimits;
import io.backstory.platform.text.TextLimit;
import io.backstory.platform.text.VisibleText;
import io.backstory.platform.api.ProblemException;
import io.backstory.platform.text.MarkdownRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The moderators' review queue: one open item per post or comment, most severe and oldest first. Acting on an
 * item names the version the moderator saw; if another moderator acted first the second gets a 409. Every
 * transition is written to the audit log, the author is told the outcome, and the flaggers' records are updated.
 */
@ApplicationScoped
public class ReviewService {

    private static final TextLimit NOTE = TextLimit.optional(ContentLimits.SAFETY_NOTE_MAX);
    private static final String EDITED_TEXT_REQUIRED = "write the edited text";

    public record QueueItem(long id, ReviewTarget target, long targetId, Long postId, String title, String category,
            int severity, double flagWeight, String firstReason, Instant createdAt, int version) {
    }

    public record Flag(String flagger, String reason, String note, double weight, Instant createdAt) {
    }

    /**
     * An item as a moderator reviews it. {@code history}: every audit-log entry about the same post or comment, this
     * item's and earlier items', oldest first, so an earlier decision is in sight when deciding again.
     */
    public record ItemDetail(long id, String status, ReviewTarget target, long targetId, long postId, String postTitle,
            ContentStatus contentStatus, String author, Long authorId, String bodyMarkdown, List<String> reasons,
            List<Flag> flags, long authorRemovedCount, double flagWeight, Instant createdAt, int version,
            List<LogEntry> history) {

        /** The content as escaped text with every quoted excerpt from the reasons marked, for the review page. */
        public String highlightedText() {
            String html = escape(bodyMarkdown == null ? "" : bodyMarkdown);
            java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(String.join("\n", reasons));
            java.util.Set<String> excerpts = new java.util.LinkedHashSet<>();
            while (quoted.find()) {
                excerpts.add(escape(quoted.group(1)));
            }
            for (String excerpt : excerpts) {
                html = html.replace(excerpt, "<mark>" + excerpt + "</mark>");
            }
            return html;
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }

    public record LogEntry(long itemId, String moderator, String action, String fromStatus, String toStatus, String note,
            Instant createdAt) {
    }

    /** SQL: the columns of a {@link LogEntry}, from {@code moderation_action a} left joined to {@code member m}. */
    private static final String LOG_ENTRY = """
            select a.review_item_id, coalesce(m.handle, case when a.moderator_id is null then 'automatic' end),
                   a.action, a.from_status, a.to_status, a.note, a.created_at
            from moderation_action a left join member m on m.id = a.moderator_id""";

    private final EntityManager em;
    private final NotificationService notifications;
    private final MarkdownRenderer markdown;

    public ReviewService(EntityManager em, NotificationService notifications, MarkdownRenderer markdown) {
        this.em = em;
        this.notifications = notifications;
        this.markdown = markdown;
    }

    @Transactional
    public List<QueueItem> queue(String category, String condition) {
        String filter = (category == null || category.isBlank() ? "" : " and r.category = :category")
                + (condition == null || condition.isBlank() ? "" : " and exists (select 1 from post_condition pc"
                        + " join condition cd on cd.id = pc.condition_id"
                        + " where pc.post_id = coalesce(r.post_id, c.post_id) and cd.slug = :condition)");
        var query = em.createNativeQuery("""
                select r.id, r.post_id, r.comment_id, coalesce(p.title, cp.title), r.category, r.severity, %s,
                       split_part(r.reasons, E'\\n', 1), r.created_at, r.version, coalesce(r.post_id, c.post_id)
                from review_item r
                left join post p on p.id = r.post_id
                left join comment c on c.id = r.comment_id
                left join post cp on cp.id = c.post_id
                where r.status = 'OPEN'""".formatted(FlagService.FLAG_WEIGHT) + filter
                + " order by r.severity desc, r.created_at, r.id limit 200");
        if (category != null && !category.isBlank()) {
            query.setParameter("category", category.strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (condition != null && !condition.isBlank()) {
            query.setParameter("condition", condition.strip());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<QueueItem> items = new ArrayList<>();
        for (Object[] r : rows) {
            boolean isPost = r[1] != null;
            items.add(new QueueItem(((Number) r[0]).longValue(), isPost ? ReviewTarget.POST : ReviewTarget.COMMENT,
                    ((Number) (isPost ? r[1] : r[2])).longValue(), ((Number) r[10]).longValue(), (String) r[3],
                    (String) r[4], ((Number) r[5]).intValue(), ((Number) r[6]).doubleValue(), (String) r[7],
                    (Instant) r[8], ((Number) r[9]).intValue()));
        }
        return items;
    }

    @Transactional
    public ItemDetail item(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select r.id, r.status, r.post_id, r.comment_id, coalesce(r.post_id, c.post_id), coalesce(p.title, cp.title),
                       coalesce(p.status, c.status), m.handle, m.id, coalesce(p.body_markdown, c.body_markdown),
                       r.reasons, %s, r.created_at, r.version
                from review_item r
                left join post p on p.id = r.post_id
                left join comment c on c.id = r.comment_id
                left join post cp on cp.id = c.post_id
                left join member m on m.id = coalesce(p.author_id, c.author_id)
                where r.id = ?1""".formatted(FlagService.FLAG_WEIGHT)).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Review item " + id);
        }
        Object[] r = rows.get(0);
        boolean isPost = r[2] != null;
        Long authorId = r[8] == null ? null : ((Number) r[8]).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> flagRows = em.createNativeQuery("""
                select m.handle, f.reason, f.note, f.weight, f.created_at from content_flag f join member m on m.id = f.member_id
                where f.review_item_id = ?1 order by f.created_at""").setParameter(1, id).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> historyRows = em.createNativeQuery(LOG_ENTRY + " join review_item r on r.id = a.review_item_id where r."
                + (isPost ? "post_id" : "comment_id") + " = ?1 order by a.created_at, a.id")
                .setParameter(1, ((Number) (isPost ? r[2] : r[3])).longValue()).getResultList();
        long removed = authorId == null ? 0 : ((Number) em.createNativeQuery("""
                select (select count(*) from post where author_id = ?1 and status in ('REMOVED', 'HIDDEN'))
                     + (select count(*) from comment where author_id = ?1 and status in ('REMOVED', 'HIDDEN'))""")
                .setParameter(1, authorId).getSingleResult()).longValue();
        return new ItemDetail(((Number) r[0]).longValue(), (String) r[1], isPost ? ReviewTarget.POST : ReviewTarget.COMMENT,
                ((Number) (isPost ? r[2] : r[3])).longValue(), ((Number) r[4]).longValue(), (String) r[5],
                ContentStatus.valueOf((String) r[6]),
                (String) r[7], authorId, (String) r[9], List.of(((String) r[10]).split("\n")),
                flagRows.stream().map(f -> new Flag((String) f[0], FlagReason.valueOf((String) f[1]).label, (String) f[2],
                        ((Number) f[3]).doubleValue(), (Instant) f[4])).toList(),
                removed, ((Number) r[11]).doubleValue(), (Instant) r[12], ((Number) r[13]).intValue(),
                historyRows.stream().map(ReviewService::logEntry).toList());
    }

    /**
     * Decides an open item. {@code version} is the item version the moderator saw; {@code note} is the reason told
     * to the author (required to approve with a safety note). {@code warn} sends the author a warning;
     * {@code silenceDays} &gt; 0 stops them posting for that long.
     */
    @Transactional
    public ItemDetail act(long id, ReviewAction action, Integer version, String note, boolean warn, int silenceDays,
            Member moderator) {
        return act(id, action, version, note, warn, silenceDays, null, moderator);
    }

    /** As above; {@code editedText} is the new Markdown text for {@link ReviewAction#EDIT_AND_APPROVE}. */
    @Transactional
    public ItemDetail act(long id, ReviewAction action, Integer version, String note, boolean warn, int silenceDays,
            String editedText, Member moderator) {
        note = VisibleText.unixLineBreaks(note);
        editedText = VisibleText.unixLineBreaks(editedText);
        if (action == null) {
            throw new InvalidInputException("action", "choose approve, approve with a note, hide, remove or dismiss flags");
        }
        if (version == null) {
            throw new InvalidInputException("version", "the item version you reviewed is required");
        }
        if (action == ReviewAction.APPROVE_WITH_NOTE && VisibleText.visibleLength(note == null ? "" : note) == 0) {
            throw new InvalidInputException("note", "write the safety note to show beside the content");
        }
        NOTE.require("note", note);
        if (action == ReviewAction.EDIT_AND_APPROVE) {
            // The longest any text may be; once the item is read, the post's or comment's own limit applies.
            TextLimit.multiLine(1, ContentLimits.POST_BODY_MAX, EDITED_TEXT_REQUIRED).require("text", editedText);
        }
        if (silenceDays < 0 || silenceDays > 365) {
            throw new InvalidInputException("silenceDays", "must be between 0 and 365");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> locked = em.createNativeQuery("select status, version from review_item where id = ?1 for update")
                .setParameter(1, id).getResultList();
        if (locked.isEmpty()) {
            throw ProblemException.notFound("Review item " + id);
        }
        String itemStatus = (String) locked.get(0)[0];
        int current = ((Number) locked.get(0)[1]).intValue();
        if (current != version || !"OPEN".equals(itemStatus)) {
            throw ProblemException.conflict("Another moderator already acted on this item ("
                    + lastAction(id) + "). Nothing was changed; reload to see the current state.", null);
        }
        ItemDetail before = item(id);
        if (action == ReviewAction.EDIT_AND_APPROVE) {
            // The edit replaces a post's or a comment's text, so it gets that text's own limit.
            TextLimit.multiLine(1, before.target() == ReviewTarget.POST ? ContentLimits.POST_BODY_MAX
                    : ContentLimits.COMMENT_BODY_MAX, EDITED_TEXT_REQUIRED).require("text", editedText);
        }
        ContentStatus toStatus = action.contentStatus == null ? statusAfterDismissal(before) : action.contentStatus;
        ContentStatusChange.apply(em, before.target(), before.targetId(), before.contentStatus(), toStatus);
        if (action == ReviewAction.EDIT_AND_APPROVE) {
            edit(before, editedText, moderator);
        }
        if (action == ReviewAction.APPROVE_WITH_NOTE) {
            em.createNativeQuery("update " + before.target().table + " set safety_notices = array_append(safety_notices, ?1)"
                    + " where id = ?2").setParameter(1, "Moderator's note: " + note.strip()).setParameter(2, before.targetId())
                    .executeUpdate();
        }
        em.createNativeQuery("update review_item set status = ?1, version = version + 1, updated_at = now() where id = ?2")
                .setParameter(1, action.itemStatus).setParameter(2, id).executeUpdate();
        em.createNativeQuery("""
                update member m set flags_upheld = flags_upheld + ?1, flags_dismissed = flags_dismissed + ?2
                where m.id in (select member_id from content_flag where review_item_id = ?3)""")
                .setParameter(1, action.upholdsFlags ? 1 : 0).setParameter(2, action.upholdsFlags ? 0 : 1)
                .setParameter(3, id).executeUpdate();
        log(id, moderator, action.name(), before.contentStatus(), toStatus, note);
        tellFlaggers(before, action, toStatus);
        if (toStatus == ContentStatus.PUBLISHED && before.authorId() != null) {
            // Approved content earns a new member basic trust: no more review of their first posts and links.
            em.createNativeQuery("update member set trust_level = greatest(trust_level, 1) where id = ?1")
                    .setParameter(1, before.authorId()).executeUpdate();
        }
        if (before.authorId() != null) {
            tellAuthor(before, action, toStatus, note, warn, silenceDays);
            if (silenceDays > 0) {
                em.createNativeQuery("update member set silenced_until = now() + make_interval(days => ?1) where id = ?2")
                        .setParameter(1, silenceDays).setParameter(2, before.authorId()).executeUpdate();
                log(id, moderator, "SILENCE_AUTHOR", toStatus, toStatus, silenceDays + " days");
            }
            if (warn) {
                log(id, moderator, "WARN_AUTHOR", toStatus, toStatus, note);
            }
        }
        return item(id);
    }

    @Transactional
    public List<LogEntry> log(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(LOG_ENTRY + " order by a.created_at desc, a.id desc limit ?1")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(ReviewService::logEntry).toList();
    }

    private static LogEntry logEntry(Object[] r) {
        return new LogEntry(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (Instant) r[6]);
    }

    /**
     * Dismissing flags undoes only what those flags did: content this item's flags hid is published again. What a
     * moderator decided before (a hide on an earlier item, say) stands until a moderator approves the content.
     */
    private static ContentStatus statusAfterDismissal(ItemDetail item) {
        boolean hiddenByTheseFlags = item.contentStatus() == ContentStatus.HIDDEN && item.history().stream()
                .anyMatch(entry -> entry.itemId() == item.id() && ContentStatusChange.HIDDEN_BY_FLAGS.equals(entry.action()));
        return hiddenByTheseFlags ? ContentStatus.PUBLISHED : item.contentStatus();
    }

    /**
     * Replaces the text and records it as a revision by the moderator, so the history shows who changed what. The
     * versions before it leave the public history: the moderator replaced that text for a reason.
     */
    private void edit(ItemDetail item, String text, Member moderator) {
        String table = item.target().table;
        em.createNativeQuery("update " + table + "_revision set in_public_history = false where " + item.target().column
                + " = ?1").setParameter(1, item.targetId()).executeUpdate();
        em.createNativeQuery("update " + table + " set body_markdown = ?1, body_html = ?2, edited_at = now() where id = ?3")
                .setParameter(1, text).setParameter(2, markdown.toSafeHtml(text)).setParameter(3, item.targetId())
                .executeUpdate();
        if (item.target() == ReviewTarget.POST) {
            em.createNativeQuery("call refresh_post_search(?1)").setParameter(1, item.targetId()).executeUpdate();
            em.createNativeQuery("""
                    insert into post_revision (post_id, revision, editor_id, title, body_markdown, tags)
                    select p.id, coalesce(max(r.revision), 0) + 1, ?2, p.title, p.body_markdown,
                           coalesce((select tags from post_revision where post_id = p.id order by revision desc limit 1), '')
                    from post p left join post_revision r on r.post_id = p.id where p.id = ?1 group by p.id""")
                    .setParameter(1, item.targetId()).setParameter(2, moderator.id).executeUpdate();
        } else {
            em.createNativeQuery("""
                    insert into comment_revision (comment_id, revision, editor_id, body_markdown)
                    select c.id, coalesce(max(r.revision), 0) + 1, ?2, c.body_markdown
                    from comment c left join comment_revision r on r.comment_id = c.id where c.id = ?1 group by c.id""")
                    .setParameter(1, item.targetId()).setParameter(2, moderator.id).executeUpdate();
        }
    }

    private void log(long itemId, Member moderator, String action, ContentStatus from, ContentStatus to, String note) {
        ContentStatusChange.log(em, itemId, moderator.id, action, from, to, note);
    }

    private String lastAction(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select a.action, m.handle from moderation_action a left join member m on m.id = a.moderator_id
                where a.review_item_id = ?1 order by a.id desc limit 1""").setParameter(1, id).getResultList();
        return rows.isEmpty() ? "it is already decided" : rows.get(0)[0].toString().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ') + " by " + rows.get(0)[1];
    }

    /** Members who flagged the content hear what came of it (the link leads to it), so a flag never disappears into silence. */
    private void tellFlaggers(ItemDetail item, ReviewAction action, ContentStatus outcomeStatus) {
        @SuppressWarnings("unchecked")
        List<Number> flaggers = em.createNativeQuery("select distinct member_id from content_flag where review_item_id = ?1")
                .setParameter(1, item.id()).getResultList();
        String what = item.target() == ReviewTarget.POST
                ? "The post \"" + NotificationService.POST_TITLE + "\" you flagged"
                : "The comment you flagged on \"" + NotificationService.POST_TITLE + "\"";
        String outcome = switch (action) {
            case HIDE -> what + " was hidden by a moderator. Thank you for flagging it.";
            case REMOVE -> what + " was removed by a moderator. Thank you for flagging it.";
            case EDIT_AND_APPROVE -> what + " was edited by a moderator. Thank you for flagging it.";
            case APPROVE, APPROVE_WITH_NOTE -> what + " was reviewed by a moderator and stays up.";
            case DISMISS_FLAGS -> what + " was reviewed by a moderator and "
                    + (outcomeStatus == ContentStatus.PUBLISHED ? "stays up." : "stays hidden, as a moderator decided earlier.");
        };
        String link = "/posts/" + item.postId();
        for (Number flagger : flaggers) {
            notifications.notify(NotificationKind.FLAG_OUTCOME, flagger.longValue(), null, item.postId(), outcome, link);
        }
    }

    private void tellAuthor(ItemDetail item, ReviewAction action, ContentStatus outcomeStatus, String note, boolean warn,
            int silenceDays) {
        String what = "Your " + item.target().noun() + " on \"" + NotificationService.POST_TITLE + "\"";
        String outcome = switch (action) {
            case APPROVE -> what + " was reviewed by a moderator and is public.";
            case DISMISS_FLAGS -> outcomeStatus == ContentStatus.PUBLISHED ? what + " was reviewed by a moderator and is public."
                    : what + " was flagged again; a moderator dismissed the flags, and it stays hidden as decided earlier.";
            case APPROVE_WITH_NOTE -> what + " was approved with a safety note from a moderator.";
            case EDIT_AND_APPROVE -> what + " was edited by a moderator and published.";
            case HIDE -> what + " was hidden by a moderator.";
            case REMOVE -> what + " was removed by a moderator.";
        };
        String reason = note == null || note.isBlank() ? "" : " Reason: " + note.strip();
        String extra = (warn ? " Please take this as a warning." : "")
                + (silenceDays > 0 ? " You cannot post for " + silenceDays + " days." : "");
        String link = item.target() == ReviewTarget.POST ? "/posts/" + item.postId()
                : "/posts/" + item.postId() + "#c" + item.targetId();
        notifications.notify(NotificationKind.MODERATION, item.authorId(), null, item.postId(), outcome + reason + extra, link);
    }
}
