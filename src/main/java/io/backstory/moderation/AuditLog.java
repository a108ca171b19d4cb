package io.backstory.moderation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.backstory.platform.api.PageSizes;
import io.backstory.platform.db.NamedRow;
import io.backstory.platform.errors.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/** The moderation audit log read a page at a time, filtered by moderator, action, dates and what it is about. */
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
    public record Page(List<ReviewService.LogEntry> entries, int page, boolean hasOlder) {

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
        Query query = em.createNativeQuery(ReviewService.LOG_ENTRY + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
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
        List<ReviewService.LogEntry> entries = NamedRow.all(query).stream().map(ReviewService::logEntry).toList();
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
}
