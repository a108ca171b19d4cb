package io.backstory.moderation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.backstory.accounts.Member;
import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.api.PageSizes;
import io.backstory.platform.db.NamedRow;
import io.backstory.platform.errors.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/**
 * The moderation audit log: moderators' steps written as they take them, read a page at a time (filtered by moderator,
 * action, dates and what it is about), the newest for the API, and an item's last step for a refusal's message.
 */
@ApplicationScoped
public class AuditLog {

    /**
     * Which steps to show; every field optional. {@code moderator}: a handle, or "automatic" for the safety check and
     * members' flags; {@code from}/{@code to}: days (UTC), both included; {@code item}: one review item.
     */
    public record Filter(String moderator, AuditAction action, LocalDate from, LocalDate to, ReviewTarget target,
            Long item) {

        public Filter {
            moderator = moderator == null || moderator.isBlank() ? null : moderator.strip();
            if (from != null && to != null && to.isBefore(from)) {
                throw new InvalidInputException("to", "the last day must not be before the first day");
            }
        }

        public static final Filter ALL = new Filter(null, null, null, null, null, null);
    }

    /** One page of steps, newest first; {@code page} counts from 1. */
    public record Page(List<LogEntry> entries, int page, boolean hasOlder) {

        public boolean hasNewer() {
            return page > 1;
        }
    }

    private final EntityManager em;
    private final int pageSize;

    public AuditLog(EntityManager em, PageSizes pageSizes) {
        this.em = em;
        this.pageSize = pageSizes.auditLog();
    }

    @Transactional
    public Page page(Filter filter, int page) {
        int number = Math.max(page, 1);
        List<String> where = new ArrayList<>();
        if (filter.moderator() != null) {
            where.add("automatic".equalsIgnoreCase(filter.moderator()) ? "a.moderator_id is null"
                    : "lower(m.handle) = lower(:moderator)");
        }
        if (filter.action() != null) {
            where.add("a.action = :action");
        }
        if (filter.from() != null) {
            where.add("a.created_at >= :from");
        }
        if (filter.to() != null) {
            where.add("a.created_at < :to");
        }
        if (filter.target() != null) {
            where.add("r." + filter.target().column + " is not null");
        }
        if (filter.item() != null) {
            where.add("a.review_item_id = :item");
        }
        Query query = em.createNativeQuery(LogEntry.SELECT + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by a.created_at desc, a.id desc limit " + (pageSize + 1) + " offset " + (number - 1) * pageSize,
                Tuple.class);
        if (filter.moderator() != null && !"automatic".equalsIgnoreCase(filter.moderator())) {
            query.setParameter("moderator", filter.moderator());
        }
        if (filter.action() != null) {
            query.setParameter("action", filter.action().name());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (filter.item() != null) {
            query.setParameter("item", filter.item());
        }
        List<LogEntry> entries = NamedRow.all(query).stream().map(LogEntry::read).toList();
        boolean hasOlder = entries.size() > pageSize;
        return new Page(hasOlder ? entries.subList(0, pageSize) : entries, number, hasOlder);
    }

    /** Handles of everyone who took a step, for the moderator filter. */
    @Transactional
    public List<String> moderators() {
        @SuppressWarnings("unchecked")
        List<String> handles = em.createNativeQuery("""
                select distinct m.handle from moderation_action a join member m on m.id = a.moderator_id order by m.handle""")
                .getResultList();
        return handles;
    }

    /** The newest {@code limit} steps. */
    @Transactional
    public List<LogEntry> latest(int limit) {
        return NamedRow.all(em.createNativeQuery(LogEntry.SELECT + " order by a.created_at desc, a.id desc limit ?1", Tuple.class)
                .setParameter(1, limit)).stream().map(LogEntry::read).toList();
    }

    /** A moderator's step on an item. */
    void record(long itemId, Member moderator, AuditAction action, ContentStatus from, ContentStatus to, String note) {
        ContentStatusChange.log(em, itemId, moderator.id, action, from, to, note);
    }

    /** The item's last step and who took it, as a refusal names it ("Hidden by alice"). */
    String lastAction(long itemId) {
        List<NamedRow> rows = NamedRow.all(em.createNativeQuery("""
                select a.action, m.handle from moderation_action a left join member m on m.id = a.moderator_id
                where a.review_item_id = ?1 order by a.id desc limit 1""", Tuple.class).setParameter(1, itemId));
        return rows.isEmpty() ? "it is already decided" : rows.get(0).enumValue("action", AuditAction.class).label()
                + " by " + (rows.get(0).text("handle") == null ? "the site" : rows.get(0).text("handle"));
    }
}
