package io.backstory.moderation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.backstory.accounts.Member;
import io.backstory.accounts.MemberStanding;
import io.backstory.moderation.model.ScreeningLessons;
import io.backstory.notifications.NotificationKind;
import io.backstory.notifications.NotificationService;
import io.backstory.platform.Limits;
import io.backstory.platform.api.PageSizes;
import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.content.ModeratedContent;
import io.backstory.platform.db.NamedRow;
import io.backstory.platform.db.SqlEnum;
import io.backstory.platform.errors.ConflictException;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.NotFoundException;
import io.backstory.platform.text.ContentLimits;
import io.backstory.platform.text.TextLimit;
import io.backstory.platform.text.VisibleText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/**
 * The moderators' review queue: one open item per post or comment, most severe and oldest first. Acting on an
 * item names the version the moderator saw; if another moderator acted first the second gets a conflict. Every
 * transition is written to the audit log, the author is told the outcome, and the flaggers' records are updated.
 */
@ApplicationScoped
public class ReviewService {

    private static final TextLimit NOTE = TextLimit.optional(ContentLimits.SAFETY_NOTE_MAX);
    private static final String EDITED_TEXT_REQUIRED = "write the edited text";

    /**
     * An open item as the queue lists it: what it is about ({@code excerpt}: the comment's first words, or null for a
     * post), whether readers see it now, and the author's record in short.
     */
    public record QueueItem(long id, ReviewTarget target, long targetId, Long postId, String title, String excerpt,
            ReviewCategory category, int severity, double flagWeight, String firstReason, ContentStatus contentStatus,
            AuthorRecord author, Instant createdAt, int version, double flagWeightToHide) {

        /** The first reason in plain words. */
        public ReviewReason reason() {
            return ReviewReason.parse(firstReason);
        }

        /**
         * Members' flags in plain words: how far they are towards hiding the writing on their own. A trusted member's
         * flag weighs 1, a new member's half, and both count for more when that member's earlier flags were upheld.
         */
        public String flagProgress() {
            return "members' flags: %s of the %s that hide it automatically".formatted(
                    plain(flagWeight), plain(flagWeightToHide));
        }

        /** A weight as people write numbers: 1, 0.5, 2.3; never 1.0 or 0.30000000000000004. */
        static String plain(double weight) {
            return BigDecimal.valueOf(Math.round(weight * 10) / 10.0).stripTrailingZeros().toPlainString();
        }
    }

    public record Flag(String flagger, String reason, String note, double weight, Instant createdAt) {
    }

    /**
     * What a moderator should know about an author: how long they have been here, what they wrote, and how often
     * moderators and members found fault with it before. Null fields: the author left (a former member).
     */
    public record AuthorRecord(String handle, Instant memberSince, long posts, long comments, long hiddenOrRemoved,
            long flagsReceived, long earlierDecisions, long warnings, Instant silencedUntil) {
    }

    /**
     * An item as a moderator reviews it. {@code history}: every audit-log entry about the same post or comment, this
     * item's and earlier items', oldest first, so an earlier decision is in sight when deciding again.
     * {@code authorDecisions}: moderators' decisions about the author's other posts and comments, newest first.
     */
    public record ItemDetail(long id, ReviewItemStatus status, ReviewTarget target, long targetId, long postId,
            String postTitle, ContentStatus contentStatus, String author, Long authorId, String bodyMarkdown,
            List<String> reasons, List<Flag> flags, long authorRemovedCount, double flagWeight, Instant createdAt,
            int version, List<LogEntry> history, AuthorRecord authorRecord, List<LogEntry> authorDecisions,
            List<String> safetyNotices) {

        /** What a moderator may do with this item: dismissing flags only when members flagged it. */
        public List<ReviewAction> actions() {
            return java.util.Arrays.stream(ReviewAction.values())
                    .filter(action -> action != ReviewAction.DISMISS_FLAGS || !flags.isEmpty()).toList();
        }

        /** The reasons in plain words. */
        public List<ReviewReason> plainReasons() {
            return reasons.stream().map(ReviewReason::parse).toList();
        }

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

    /**
     * One audit-log step. {@code title}: the post's title (for a comment, the post it is on); {@code excerpt}: a
     * comment's first words, null for a post.
     */
    public record LogEntry(long itemId, String moderator, AuditAction action, ContentStatus fromStatus,
            ContentStatus toStatus, String note, Instant createdAt, ReviewTarget target, long postId, String title,
            String excerpt) {

        /** Whether the step changed what readers see (a warning, say, does not). */
        public boolean changedStatus() {
            return fromStatus != toStatus;
        }
    }

    /** SQL: the columns of a {@link LogEntry}, from {@code moderation_action a} with its item {@code r}. */
    static final String LOG_ENTRY = """
            select a.review_item_id as item_id,
                   coalesce(m.handle, case when a.moderator_id is null then 'automatic' end) as moderator,
                   a.action, a.from_status, a.to_status, a.note, a.created_at, r.post_id, r.comment_id,
                   coalesce(r.post_id, lc.post_id) as on_post, coalesce(lp.title, lcp.title) as title,
                   left(regexp_replace(lc.body_markdown, '\\s+', ' ', 'g'), 140) as excerpt
            from moderation_action a join review_item r on r.id = a.review_item_id
            left join member m on m.id = a.moderator_id
            left join post lp on lp.id = r.post_id
            left join comment lc on lc.id = r.comment_id
            left join post lcp on lcp.id = lc.post_id""";

    /**
     * SQL: the columns of an {@link AuthorRecord} of member {@code m}, seen from review item {@code r} (whose own
     * decisions are not "earlier").
     */
    private static final String AUTHOR_RECORD = ("""
            m.handle as author, m.created_at as member_since, m.silenced_until,
            (select count(*) from post ap where ap.author_id = m.id) as author_posts,
            (select count(*) from comment ac where ac.author_id = m.id and not ac.deleted) as author_comments,
            (select count(*) from post ap where ap.author_id = m.id and ap.status in %1$s)
              + (select count(*) from comment ac where ac.author_id = m.id and ac.status in %1$s)
              as author_hidden,
            (select count(*) from content_flag f left join post fp on fp.id = f.post_id
                    left join comment fc on fc.id = f.comment_id
             where coalesce(fp.author_id, fc.author_id) = m.id) as author_flags,
            (select count(*) from moderation_action da join review_item dr on dr.id = da.review_item_id
                    left join post dp on dp.id = dr.post_id left join comment dc on dc.id = dr.comment_id
             where coalesce(dp.author_id, dc.author_id) = m.id and dr.id <> r.id and da.moderator_id is not null
               and da.action in %2$s)
              as author_decisions,
            (select count(*) from moderation_action da join review_item dr on dr.id = da.review_item_id
                    left join post dp on dp.id = dr.post_id left join comment dc on dc.id = dr.comment_id
             where coalesce(dp.author_id, dc.author_id) = m.id and da.action = %3$s) as author_warnings""")
            .formatted(SqlEnum.in(ContentStatus.HIDDEN, ContentStatus.REMOVED),
                    SqlEnum.in(AuditAction.APPROVE, AuditAction.APPROVE_WITH_NOTE, AuditAction.EDIT_AND_APPROVE,
                            AuditAction.HIDE, AuditAction.REMOVE, AuditAction.DISMISS_FLAGS),
                    SqlEnum.literal(AuditAction.WARN_AUTHOR));

    /** SQL: the queue's order, most severe and oldest first. */
    private static final String QUEUE_ORDER = " order by r.severity desc, r.created_at, r.id";

    private final EntityManager em;
    private final NotificationService notifications;
    private final ModeratedContent content;
    private final MemberStanding standing;
    private final PageSizes pageSizes;
    private final ScreeningLessons lessons;
    private final Limits.Moderation moderation;
    private final Duration undoWindow;

    public ReviewService(EntityManager em, NotificationService notifications, ModeratedContent content, MemberStanding standing,
            PageSizes pageSizes, ScreeningLessons lessons, Limits limits) {
        this.em = em;
        this.notifications = notifications;
        this.content = content;
        this.standing = standing;
        this.pageSizes = pageSizes;
        this.lessons = lessons;
        this.moderation = limits.moderation();
        this.undoWindow = moderation.undoWindow();
    }

    @Transactional
    public List<QueueItem> queue(String category, String condition) {
        return queueRows(ReviewCategory.fromParameter(category), condition, pageSizes.reviewQueue());
    }

    /** The first open item of a tab (category and condition as in the queue's filters), if any is left. */
    @Transactional
    public Optional<Long> nextItem(ReviewCategory category, String condition) {
        return queueRows(category, condition, 1).stream().map(QueueItem::id).findFirst();
    }

    /** The open items before and after {@code id} in its tab, for "previous" and "next" on the item page. */
    @Transactional
    public Neighbours neighbours(long id, ReviewCategory category, String condition) {
        List<Long> ids = queueRows(category, condition, pageSizes.reviewQueue()).stream().map(QueueItem::id).toList();
        int at = ids.indexOf(id);
        if (at < 0) {
            return new Neighbours(null, ids.isEmpty() ? null : ids.get(0));
        }
        return new Neighbours(at > 0 ? ids.get(at - 1) : null, at + 1 < ids.size() ? ids.get(at + 1) : null);
    }

    public record Neighbours(Long previous, Long next) {
    }

    private List<QueueItem> queueRows(ReviewCategory category, String condition, int limit) {
        boolean byCondition = condition != null && !condition.isBlank();
        // Spam members flagged is in the spam tab too: a spam wave arrives as member flags as much as through rules.
        String filter = (category == null ? "" : category == ReviewCategory.SPAM
                ? " and (r.category = :category or exists (select 1 from content_flag sf where sf.review_item_id = r.id"
                        + " and sf.reason = " + SqlEnum.literal(FlagReason.SPAM) + "))"
                : " and r.category = :category")
                + (byCondition ? " and exists (select 1 from post_condition pc"
                        + " join condition cd on cd.id = pc.condition_id"
                        + " where pc.post_id = coalesce(r.post_id, c.post_id) and cd.slug = :condition)" : "");
        var query = em.createNativeQuery("""
                select r.id, r.post_id, r.comment_id, coalesce(p.title, cp.title) as title,
                       left(regexp_replace(c.body_markdown, '\\s+', ' ', 'g'), 140) as excerpt,
                       r.category, r.severity, %s as flag_weight, split_part(r.reasons, E'\\n', 1) as first_reason,
                       coalesce(p.status, c.status) as content_status, r.created_at, r.version,
                       coalesce(r.post_id, c.post_id) as on_post, %s
                from review_item r
                left join post p on p.id = r.post_id
                left join comment c on c.id = r.comment_id
                left join post cp on cp.id = c.post_id
                left join member m on m.id = coalesce(p.author_id, c.author_id)
                where r.status = %s""".formatted(FlagService.FLAG_WEIGHT, AUTHOR_RECORD,
                        SqlEnum.literal(ReviewItemStatus.OPEN)) + filter
                + QUEUE_ORDER + " limit " + limit, Tuple.class);
        if (category != null) {
            query.setParameter("category", category.name());
        }
        if (byCondition) {
            query.setParameter("condition", condition.strip());
        }
        return NamedRow.all(query).stream().map(r -> {
            boolean isPost = r.numberOrNull("post_id") != null;
            return new QueueItem(r.number("id"), isPost ? ReviewTarget.POST : ReviewTarget.COMMENT,
                    r.number(isPost ? "post_id" : "comment_id"), r.number("on_post"), r.text("title"), r.text("excerpt"),
                    r.enumValue("category", ReviewCategory.class), (int) r.number("severity"), r.decimal("flag_weight"),
                    r.text("first_reason"), r.enumValue("content_status", ContentStatus.class), authorRecord(r),
                    r.instant("created_at"), (int) r.number("version"), moderation.flagWeightToHide());
        }).toList();
    }

    private static AuthorRecord authorRecord(NamedRow r) {
        return new AuthorRecord(r.text("author"), r.instant("member_since"), r.number("author_posts"),
                r.number("author_comments"), r.number("author_hidden"), r.number("author_flags"),
                r.number("author_decisions"), r.number("author_warnings"), r.instant("silenced_until"));
    }

    @Transactional
    public ItemDetail item(long id) {
        List<NamedRow> rows = NamedRow.all(em.createNativeQuery("""
                select r.id, r.status, r.post_id, r.comment_id, coalesce(r.post_id, c.post_id) as on_post,
                       coalesce(p.title, cp.title) as title, coalesce(p.status, c.status) as content_status,
                       m.id as author_id, coalesce(p.body_markdown, c.body_markdown) as body, r.reasons,
                       %s as flag_weight, r.created_at, r.version,
                       %s
                from review_item r
                left join post p on p.id = r.post_id
                left join comment c on c.id = r.comment_id
                left join post cp on cp.id = c.post_id
                left join member m on m.id = coalesce(p.author_id, c.author_id)
                where r.id = ?1""".formatted(FlagService.FLAG_WEIGHT, AUTHOR_RECORD), Tuple.class).setParameter(1, id));
        if (rows.isEmpty()) {
            throw new NotFoundException("Review item " + id);
        }
        NamedRow r = rows.get(0);
        boolean isPost = r.numberOrNull("post_id") != null;
        long targetId = r.number(isPost ? "post_id" : "comment_id");
        Long authorId = r.numberOrNull("author_id");
        List<Flag> flags = NamedRow.all(em.createNativeQuery("""
                select m.handle, f.reason, f.note, f.weight, f.created_at from content_flag f join member m on m.id = f.member_id
                where f.review_item_id = ?1 order by f.created_at""", Tuple.class).setParameter(1, id)).stream()
                .map(f -> new Flag(f.text("handle"), f.enumValue("reason", FlagReason.class).label, f.text("note"),
                        f.decimal("weight"), f.instant("created_at"))).toList();
        List<LogEntry> history = NamedRow.all(em.createNativeQuery(LOG_ENTRY + " where r."
                + (isPost ? "post_id" : "comment_id") + " = ?1 order by a.created_at, a.id", Tuple.class)
                .setParameter(1, targetId)).stream().map(ReviewService::logEntry).toList();
        List<LogEntry> authorDecisions = authorId == null ? List.of() : NamedRow.all(em.createNativeQuery(LOG_ENTRY + " " + """
                 where coalesce(lp.author_id, lc.author_id) = ?1 and r.id <> ?2 and a.moderator_id is not null
                 order by a.created_at desc, a.id desc limit 10""", Tuple.class).setParameter(1, authorId).setParameter(2, id))
                .stream().map(ReviewService::logEntry).toList();
        @SuppressWarnings("unchecked")
        List<String> notices = em.createNativeQuery("select unnest(urgent_care || safety_notices) from " + (isPost ? "post" : "comment")
                + " where id = ?1").setParameter(1, targetId).getResultList();
        AuthorRecord author = authorRecord(r);
        return new ItemDetail(r.number("id"), r.enumValue("status", ReviewItemStatus.class),
                isPost ? ReviewTarget.POST : ReviewTarget.COMMENT, targetId, r.number("on_post"), r.text("title"),
                r.enumValue("content_status", ContentStatus.class), author.handle(), authorId, r.text("body"),
                List.of(r.text("reasons").split("\n")), flags, author.hiddenOrRemoved(), r.decimal("flag_weight"),
                r.instant("created_at"), (int) r.number("version"), history, author, authorDecisions,
                notices);
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
        decide(id, action, version, note, warn, silenceDays, editedText, moderator);
        return item(id);
    }

    /** Decides one item as {@link #act} does; returns the decision's batch, for its confirmation and undo. */
    @Transactional
    public long decide(long id, ReviewAction action, Integer version, String note, boolean warn, int silenceDays,
            String editedText, Member moderator) {
        long batch = newBatch();
        decideInBatch(batch, id, action, version, note, warn, silenceDays, editedText, moderator);
        return batch;
    }

    /** An item the moderator chose in the queue, with the version they saw. */
    public record ChosenItem(long id, int version) {
    }

    /**
     * Removes several items as spam at once (a spam wave): one decision per item, each in the audit log, all in one
     * batch so that one undo takes them all back. Nothing is removed if any of them was decided meanwhile.
     */
    @Transactional
    public long removeAsSpam(List<ChosenItem> items, Member moderator) {
        if (items.isEmpty()) {
            throw new InvalidInputException("items", "choose the items to remove as spam");
        }
        long batch = newBatch();
        String note = items.size() == 1 ? "Spam" : "Spam: removed with " + (items.size() - 1) + (items.size() == 2 ? " other item" : " other items");
        for (ChosenItem item : items) {
            decideInBatch(batch, item.id(), ReviewAction.REMOVE, item.version(), note, false, 0, null, moderator);
        }
        return batch;
    }

    private long newBatch() {
        return ((Number) em.createNativeQuery("select nextval('moderation_batch_seq')").getSingleResult()).longValue();
    }

    private void decideInBatch(long batch, long id, ReviewAction action, Integer version, String note, boolean warn,
            int silenceDays, String editedText, Member moderator) {
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
        List<NamedRow> locked = NamedRow.all(em.createNativeQuery(
                "select status, version from review_item where id = ?1 for update", Tuple.class).setParameter(1, id));
        if (locked.isEmpty()) {
            throw new NotFoundException("Review item " + id);
        }
        String itemStatus = locked.get(0).text("status");
        int current = (int) locked.get(0).number("version");
        if (current != version || !ReviewItemStatus.OPEN.name().equals(itemStatus)) {
            throw new ConflictException("Another moderator already acted on this item ("
                    + lastAction(id) + "). Nothing was changed; reload to see the current state.");
        }
        ItemDetail before = item(id);
        if (action == ReviewAction.EDIT_AND_APPROVE) {
            // The edit replaces a post's or a comment's text, so it gets that text's own limit.
            TextLimit.multiLine(1, before.target() == ReviewTarget.POST ? ContentLimits.POST_BODY_MAX
                    : ContentLimits.COMMENT_BODY_MAX, EDITED_TEXT_REQUIRED).require("text", editedText);
        }
        ContentStatus toStatus = action.contentStatus == null ? statusAfterDismissal(before) : action.contentStatus;
        long decision = recordDecision(batch, id, action, before.contentStatus(), toStatus, moderator,
                action == ReviewAction.APPROVE_WITH_NOTE ? note.strip() : null);
        action.ruling().ifPresent(ruling -> lessons.learn(decision, id, ruling));
        content.moveStatus(before.target().kind(), before.targetId(), before.contentStatus(), toStatus);
        if (action == ReviewAction.EDIT_AND_APPROVE) {
            content.replaceText(before.target().kind(), before.targetId(), editedText, moderator.id);
        }
        if (action.itemStatus == ReviewItemStatus.APPROVED) {
            withdrawModelUrgentCare(before, decision);
        }
        if (action == ReviewAction.APPROVE_WITH_NOTE) {
            content.addSafetyNotice(before.target().kind(), before.targetId(), note.strip());
        }
        em.createNativeQuery("update review_item set status = ?1, version = version + 1, updated_at = now() where id = ?2")
                .setParameter(1, action.itemStatus.name()).setParameter(2, id).executeUpdate();
        standing.countFlags(flaggers(id), action.upholdsFlags ? 1 : 0, action.upholdsFlags ? 0 : 1);
        log(id, moderator, AuditAction.of(action), before.contentStatus(), toStatus, note);
        tellFlaggers(before, action, toStatus);
        if (toStatus == ContentStatus.PUBLISHED && before.authorId() != null) {
            // Approved content earns a new member basic trust: no more review of their first posts and links.
            standing.grantBasicTrust(before.authorId());
        }
        if (before.authorId() != null) {
            tellAuthor(before, action, toStatus, note, warn, silenceDays);
            if (silenceDays > 0) {
                standing.silence(before.authorId(), silenceDays);
                log(id, moderator, AuditAction.SILENCE_AUTHOR, toStatus, toStatus, silenceDays + " days");
            }
            if (warn) {
                log(id, moderator, AuditAction.WARN_AUTHOR, toStatus, toStatus, note);
            }
        }
        em.createNativeQuery("update moderation_decision set item_version = (select version from review_item where id = ?1)"
                + " where id = ?2").setParameter(1, id).setParameter(2, decision).executeUpdate();
    }

    /**
     * A moderator who approves a text has found no red-flag symptoms to check on: the screening model's urgent-care box,
     * its guess that there were, goes for the writer too (other readers never saw it). The rules' urgent-care advice
     * answers words the writer wrote and stays. The decision remembers it, so that undo can put the box back.
     */
    private void withdrawModelUrgentCare(ItemDetail item, long decision) {
        if (content.removeUrgentCare(item.target().kind(), item.targetId(), ScreeningService.MODEL_RED_FLAG_NOTICE)) {
            em.createNativeQuery("update moderation_decision set model_urgent_care_removed = true where id = ?1")
                    .setParameter(1, decision).executeUpdate();
        }
    }

    @Transactional
    public List<LogEntry> log(int limit) {
        return NamedRow.all(em.createNativeQuery(LOG_ENTRY + " order by a.created_at desc, a.id desc limit ?1", Tuple.class)
                .setParameter(1, limit)).stream().map(ReviewService::logEntry).toList();
    }

    static LogEntry logEntry(NamedRow r) {
        boolean isPost = r.numberOrNull("post_id") != null;
        return new LogEntry(r.number("item_id"), r.text("moderator"), r.enumValue("action", AuditAction.class),
                r.enumValue("from_status", ContentStatus.class), r.enumValue("to_status", ContentStatus.class), r.text("note"),
                r.instant("created_at"), isPost ? ReviewTarget.POST : ReviewTarget.COMMENT, r.number("on_post"),
                r.text("title"), r.text("excerpt"));
    }

    /**
     * Keeps what the decision is about to change besides the statuses (the newest revision's place in the public
     * history, the author's trust and silencing), so that undo can put it back. The item's version after the
     * decision is filled in once it is taken.
     */
    private long recordDecision(long batch, long id, ReviewAction action, ContentStatus from, ContentStatus to,
            Member moderator, String safetyNote) {
        return ((Number) em.createNativeQuery("""
                insert into moderation_decision (batch_id, review_item_id, moderator_id, action, item_version, from_status,
                       to_status, revision_was_public, author_trust_before, author_silenced_before, safety_note)
                select ?1, r.id, ?2, ?3, r.version, ?4, ?5,
                       case when r.post_id is not null
                            then (select pr.in_public_history from post_revision pr where pr.post_id = r.post_id
                                  order by pr.revision desc limit 1)
                            else (select cr.in_public_history from comment_revision cr where cr.comment_id = r.comment_id
                                  order by cr.revision desc limit 1) end,
                       m.trust_level, m.silenced_until, ?6
                from review_item r left join post p on p.id = r.post_id left join comment c on c.id = r.comment_id
                left join member m on m.id = coalesce(p.author_id, c.author_id)
                where r.id = ?7 returning id""")
                .setParameter(1, batch).setParameter(2, moderator.id).setParameter(3, action.name())
                .setParameter(4, from.name()).setParameter(5, to.name()).setParameter(6, safetyNote).setParameter(7, id)
                .getSingleResult()).longValue();
    }

    /**
     * The confirmation shown after a decision: what was done to how many items (for one, the post's title, and whether
     * it was a comment on that post rather than the post), and whether undo is still possible.
     */
    public record Confirmation(long batch, String done, int items, String title, boolean comment, long firstItem,
            boolean undoable, boolean undone) {
    }

    /** The batch of this moderator's latest decision on the item that is not undone, if any: the item page offers its undo. */
    @Transactional
    public Optional<Long> latestDecision(long itemId, Member moderator) {
        return NamedRow.all(em.createNativeQuery("""
                select batch_id from moderation_decision where review_item_id = ?1 and moderator_id = ?2 and undone_at is null
                order by id desc limit 1""", Tuple.class).setParameter(1, itemId).setParameter(2, moderator.id))
                .stream().map(r -> r.number("batch_id")).findFirst();
    }

    /** The confirmation of a batch this moderator decided, if it is theirs. */
    @Transactional
    public Optional<Confirmation> confirmation(long batch, Member moderator) {
        List<NamedRow> rows = NamedRow.all(em.createNativeQuery("""
                select d.review_item_id, d.action, d.undone_at, d.decided_at > now() - make_interval(secs => ?3) as recent,
                       coalesce(p.title, cp.title) as title, r.comment_id is not null as comment
                from moderation_decision d join review_item r on r.id = d.review_item_id
                left join post p on p.id = r.post_id left join comment c on c.id = r.comment_id
                left join post cp on cp.id = c.post_id
                where d.batch_id = ?1 and d.moderator_id = ?2 order by d.id""", Tuple.class)
                .setParameter(1, batch).setParameter(2, moderator.id).setParameter(3, undoWindow.toSeconds()));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        NamedRow first = rows.get(0);
        ReviewAction action = first.enumValue("action", ReviewAction.class);
        boolean undone = first.instant("undone_at") != null;
        return Optional.of(new Confirmation(batch, action.done(), rows.size(), first.text("title"), first.bool("comment"),
                first.number("review_item_id"), !undone && action.undoable() && first.bool("recent"), undone));
    }

    /**
     * Takes a batch of decisions back: each item is open again and its content, safety notes, flaggers' records and
     * author's trust and silencing are as before the decision; each step is in the audit log. Refused (a conflict) once
     * the undo window has passed or when anything happened to an item since.
     */
    @Transactional
    public long undo(long batch, Member moderator) {
        List<NamedRow> decisions = NamedRow.all(em.createNativeQuery("""
                select d.id, d.review_item_id, d.action, d.item_version, d.from_status, d.safety_note, d.undone_at,
                       d.model_urgent_care_removed, d.revision_was_public, d.author_trust_before, d.author_silenced_before,
                       d.decided_at > now() - make_interval(secs => ?3) as recent, r.status as item_status,
                       r.version as current_version
                from moderation_decision d join review_item r on r.id = d.review_item_id
                where d.batch_id = ?1 and d.moderator_id = ?2 order by d.id for update of r""", Tuple.class)
                .setParameter(1, batch).setParameter(2, moderator.id).setParameter(3, undoWindow.toSeconds()));
        if (decisions.isEmpty()) {
            throw new NotFoundException("Decision " + batch);
        }
        for (NamedRow d : decisions) {
            ReviewAction action = d.enumValue("action", ReviewAction.class);
            if (d.instant("undone_at") != null) {
                throw new ConflictException("This decision was already undone.");
            }
            if (!action.undoable()) {
                throw new ConflictException("An edit cannot be undone here: edit the text again instead.");
            }
            if (!d.bool("recent")) {
                throw new ConflictException("Too late to undo: decisions can be undone for "
                        + undoWindow.toMinutes() + " minutes. Open the item to decide again.");
            }
            if (d.number("current_version") != d.number("item_version")) {
                throw new ConflictException("Something happened to this item since your decision ("
                        + lastAction(d.number("review_item_id")) + "). Nothing was undone.");
            }
        }
        for (NamedRow d : decisions) {
            undoOne(d, moderator);
        }
        em.createNativeQuery("update moderation_decision set undone_at = now() where batch_id = ?1")
                .setParameter(1, batch).executeUpdate();
        lessons.forgetBatch(batch);
        return decisions.get(0).number("review_item_id");
    }

    private void undoOne(NamedRow decision, Member moderator) {
        long id = decision.number("review_item_id");
        ItemDetail item = item(id);
        ReviewAction action = decision.enumValue("action", ReviewAction.class);
        ContentStatus back = decision.enumValue("from_status", ContentStatus.class);
        long otherOpen = ((Number) em.createNativeQuery("select count(*) from review_item where status = " + SqlEnum.literal(ReviewItemStatus.OPEN) + " and "
                + item.target().column + " = ?1").setParameter(1, item.targetId()).getSingleResult()).longValue();
        if (otherOpen > 0) {
            throw new ConflictException("A newer review item about this " + item.target().noun()
                    + " is waiting in the queue; decide there. Nothing was undone.");
        }
        content.moveStatus(item.target().kind(), item.targetId(), item.contentStatus(), back);
        Boolean revisionWasPublic = decision.boolOrNull("revision_was_public");
        if (revisionWasPublic != null) {
            content.setNewestRevisionPublic(item.target().kind(), item.targetId(), revisionWasPublic);
        }
        if (decision.text("safety_note") != null) {
            content.removeSafetyNotice(item.target().kind(), item.targetId(), decision.text("safety_note"));
        }
        if (decision.bool("model_urgent_care_removed")) {
            content.addUrgentCare(item.target().kind(), item.targetId(), ScreeningService.MODEL_RED_FLAG_NOTICE);
        }
        em.createNativeQuery("update review_item set status = ?2, version = version + 1, updated_at = now() where id = ?1")
                .setParameter(2, ReviewItemStatus.OPEN.name())
                .setParameter(1, id).executeUpdate();
        standing.countFlags(flaggers(id), action.upholdsFlags ? -1 : 0, action.upholdsFlags ? 0 : -1);
        if (item.authorId() != null) {
            if (decision.numberOrNull("author_trust_before") != null) {
                standing.restore(item.authorId(), (int) decision.number("author_trust_before"),
                        decision.instant("author_silenced_before"));
            }
            notifications.notify(NotificationKind.MODERATION, item.authorId(), null, item.postId(), "A moderator took back the decision about your "
                    + item.target().noun() + " on \"" + NotificationService.POST_TITLE + "\" (" + action.done().toLowerCase(java.util.Locale.ROOT)
                    + "); it is waiting for review again.", "/posts/" + item.postId());
        }
        log(id, moderator, AuditAction.UNDO, item.contentStatus(), back, action.done());
    }

    /**
     * Dismissing flags undoes only what those flags did: content this item's flags hid is published again. What a
     * moderator decided before (a hide on an earlier item, say) stands until a moderator approves the content.
     */
    private static ContentStatus statusAfterDismissal(ItemDetail item) {
        boolean hiddenByTheseFlags = item.contentStatus() == ContentStatus.HIDDEN && item.history().stream()
                .anyMatch(entry -> entry.itemId() == item.id() && entry.action() == AuditAction.HIDDEN_BY_FLAGS);
        return hiddenByTheseFlags ? ContentStatus.PUBLISHED : item.contentStatus();
    }

    /** The members who flagged what this item is about. */
    private List<Long> flaggers(long itemId) {
        return NamedRow.all(em.createNativeQuery("select member_id from content_flag where review_item_id = ?1", Tuple.class)
                .setParameter(1, itemId)).stream().map(f -> f.number("member_id")).toList();
    }

    private void log(long itemId, Member moderator, AuditAction action, ContentStatus from, ContentStatus to, String note) {
        ContentStatusChange.log(em, itemId, moderator.id, action, from, to, note);
    }

    private String lastAction(long id) {
        List<NamedRow> rows = NamedRow.all(em.createNativeQuery("""
                select a.action, m.handle from moderation_action a left join member m on m.id = a.moderator_id
                where a.review_item_id = ?1 order by a.id desc limit 1""", Tuple.class).setParameter(1, id));
        return rows.isEmpty() ? "it is already decided" : rows.get(0).enumValue("action", AuditAction.class).label()
                + " by " + (rows.get(0).text("handle") == null ? "the site" : rows.get(0).text("handle"));
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
