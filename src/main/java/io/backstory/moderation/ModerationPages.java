package io.backstory.moderation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.backstory.accounts.CurrentMember;
import io.backstory.platform.api.FormValues;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.NotFoundException;
import io.backstory.platform.errors.ConflictException;
import io.backstory.platform.web.FieldErrors;
import io.backstory.platform.web.FormSubmission;
import io.backstory.taxonomy.Condition;
import io.backstory.taxonomy.TaxonomyCatalog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The review queue, one item's page with its actions, the audit log, and the members' flag forms. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ModerationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<QueueItem> items, Tab tab, List<Condition> conditions,
                List<ReviewCategory> categories, DecisionRecords.Confirmation confirmation, int undone, FieldErrors errors,
                Set<Long> chosen);

        static native TemplateInstance item(ItemDetail item, ActionForm form, FieldErrors errors,
                String conflict, Tab tab, ReviewQueue.Neighbours neighbours, DecisionRecords.Confirmation confirmation,
                boolean undone, List<ReviewAction> actions);

        static native TemplateInstance flag(String what, String action, String back, Long postId, FlagForm form,
                FieldErrors errors, FlagService.OwnFlag already);

        static native TemplateInstance log(AuditLog.Page page, LogForm filter, List<String> moderators,
                List<AuditAction> actions, FieldErrors errors);

        static native TemplateInstance flagged(String what, String back, boolean hidden);

        static native TemplateInstance removeSpam(List<QueueItem> items, Tab tab);
    }

    private final ReviewQueue queue;
    private final ReviewDecisions decisions;
    private final DecisionRecords records;
    private final DecisionUndo undo;
    private final AuditLog auditLog;
    private final FlagService flags;
    private final CurrentMember viewer;
    private final TaxonomyCatalog catalog;

    public ModerationPages(ReviewQueue queue, ReviewDecisions decisions, DecisionRecords records, DecisionUndo undo,
            AuditLog auditLog, FlagService flags, CurrentMember viewer, TaxonomyCatalog catalog) {
        this.queue = queue;
        this.decisions = decisions;
        this.records = records;
        this.undo = undo;
        this.auditLog = auditLog;
        this.flags = flags;
        this.viewer = viewer;
        this.catalog = catalog;
    }

    /**
     * The queue tab a moderator works in (a category, a condition, both optional): "next item" stays in it, and every
     * link and form of the item page carries it along.
     */
    public record Tab(ReviewCategory category, String condition) {

        static Tab of(String category, String condition) {
            return new Tab(ReviewCategory.fromParameter(category),
                    condition == null || condition.isBlank() ? null : condition.strip());
        }

        /** The tab as a query string ("?category=SPAM"), or "" for the whole queue. */
        public String query() {
            return query("");
        }

        /** The tab's query string with more parameters after it ({@code extra} like "decided=3"). */
        public String query(String extra) {
            List<String> parts = new ArrayList<>();
            if (category != null) {
                parts.add("category=" + category.name());
            }
            if (condition != null) {
                parts.add("condition=" + URLEncoder.encode(condition, StandardCharsets.UTF_8));
            }
            if (!extra.isEmpty()) {
                parts.add(extra);
            }
            return parts.isEmpty() ? "" : "?" + String.join("&", parts);
        }

        public boolean isSpam() {
            return category == ReviewCategory.SPAM;
        }
    }

    @GET
    @Path("moderation")
    @RolesAllowed({"moderator", "admin"})
    public TemplateInstance queue(@QueryParam("category") String category, @QueryParam("condition") String condition,
            @QueryParam("decided") Long decided, @QueryParam("undone") int undone) {
        Tab tab = Tab.of(category, condition);
        return queuePage(tab, confirmation(decided), undone, FieldErrors.NONE, Set.of());
    }

    private TemplateInstance queuePage(Tab tab, DecisionRecords.Confirmation confirmation, int undone, FieldErrors errors,
            Set<Long> chosen) {
        return Templates.queue(queue.queue(tab.category() == null ? null : tab.category().name(), tab.condition()), tab,
                catalog.conditions(), List.of(ReviewCategory.values()), confirmation, undone, errors, chosen);
    }

    private DecisionRecords.Confirmation confirmation(Long batch) {
        return batch == null ? null : records.confirmation(batch, viewer.get()).orElse(null);
    }

    /** A decision as the moderator filled it in, kept when it is refused. */
    public record ActionForm(String action, String text, String note, boolean warn, int silenceDays) {

        static ActionForm of(ItemDetail item) {
            return new ActionForm(null, item.bodyMarkdown() == null ? "" : item.bodyMarkdown(), "", false, 0);
        }
    }

    @GET
    @Path("moderation/items/{id}")
    @RolesAllowed({"moderator", "admin"})
    public TemplateInstance item(@PathParam("id") long id, @QueryParam("category") String category,
            @QueryParam("condition") String condition, @QueryParam("decided") Long decided,
            @QueryParam("undone") boolean undone) {
        ItemDetail item = queue.item(id);
        // Back on an item this moderator decided, the decision and its undo are shown again while undo is possible.
        DecisionRecords.Confirmation confirmation = decided != null ? confirmation(decided)
                : item.status().isOpen() ? null : records.latestDecision(id, viewer.get()).map(this::confirmation)
                        .filter(DecisionRecords.Confirmation::undoable).orElse(null);
        return itemPage(item, ActionForm.of(item), FieldErrors.NONE, null, Tab.of(category, condition), confirmation, undone);
    }

    private TemplateInstance itemPage(ItemDetail item, ActionForm form, FieldErrors errors, String conflict,
            Tab tab, DecisionRecords.Confirmation confirmation, boolean undone) {
        return Templates.item(item, form, errors, conflict, tab, queue.neighbours(item.id(), tab.category(), tab.condition()),
                confirmation, undone, item.actions());
    }

    /** Decides, then goes on to the next item of the same tab (or back to the tab when it is empty) with a confirmation. */
    @POST
    @Path("moderation/items/{id}")
    @RolesAllowed({"moderator", "admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @FormParam("action") String action, @FormParam("version") Integer version,
            @FormParam("note") String note, @FormParam("warn") String warn, @FormParam("silenceDays") Integer silenceDays,
            @FormParam("text") String text, @FormParam("category") String category,
            @FormParam("condition") String condition) {
        ActionForm form = new ActionForm(action, text == null ? "" : text, note == null ? "" : note, warn != null,
                silenceDays == null ? 0 : silenceDays);
        Tab tab = Tab.of(category, condition);
        return FormSubmission.submit("note", () -> {
            long batch = decisions.decide(new Decision(id, FormValues.enumOrNull(ReviewAction.class, action), version, note,
                    form.warn(), form.silenceDays(), text), viewer.get());
            return afterDecision(tab, batch);
        }, refusal -> itemPage(queue.item(id), form, refusal.isConflict() ? FieldErrors.NONE : refusal.errors(),
                refusal.isConflict() ? refusal.reason() : null, tab, null, false));
    }

    private Response afterDecision(Tab tab, long batch) {
        String decided = "decided=" + batch;
        return Response.seeOther(URI.create(queue.nextItem(tab.category(), tab.condition())
                .map(next -> "/moderation/items/" + next + tab.query(decided))
                .orElse("/moderation" + tab.query(decided)))).build();
    }

    /** Takes back a decision (one item, or a batch removed as spam) within the undo window. */
    @POST
    @Path("moderation/decisions/{batch}/undo")
    @RolesAllowed({"moderator", "admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response undo(@PathParam("batch") long batch, @FormParam("category") String category,
            @FormParam("condition") String condition) {
        Tab tab = Tab.of(category, condition);
        DecisionRecords.Confirmation confirmation = records.confirmation(batch, viewer.get())
                .orElseThrow(() -> new NotFoundException("Decision " + batch));
        return FormSubmission.submit("undo", () -> {
            long item = undo.undo(batch, viewer.get());
            return Response.seeOther(URI.create(confirmation.items() == 1
                    ? "/moderation/items/" + item + tab.query("undone=true")
                    : "/moderation" + tab.query("undone=" + confirmation.items()))).build();
        }, refusal -> queuePage(tab, confirmation, 0, refusal.errors(), Set.of()));
    }

    /**
     * Removes the items chosen in the spam tab as spam. Without {@code confirmed} it only shows what would be removed
     * and asks once; confirmed, it removes them all (each decision in the audit log) and offers one undo.
     */
    @POST
    @Path("moderation/spam")
    @RolesAllowed({"moderator", "admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeSpam(@FormParam("item") List<String> chosen, @FormParam("confirmed") boolean confirmed,
            @FormParam("category") String category, @FormParam("condition") String condition) {
        Tab tab = Tab.of(category, condition);
        List<ReviewDecisions.ChosenItem> items = chosenItems(chosen);
        Set<Long> ids = items.stream().map(ReviewDecisions.ChosenItem::id).collect(Collectors.toSet());
        return FormSubmission.submit("items", () -> {
            if (items.isEmpty()) {
                throw new InvalidInputException("items", "choose the items to remove as spam: tick the box beside each");
            }
            if (!confirmed) {
                Map<Long, QueueItem> open = queue.queue(null, null).stream()
                        .collect(Collectors.toMap(QueueItem::id, q -> q));
                List<QueueItem> shown = items.stream().map(i -> open.get(i.id())).filter(Objects::nonNull)
                        .toList();
                if (shown.size() != items.size()) {
                    throw new ConflictException("Another moderator decided some of these items meanwhile. "
                            + "Nothing was removed; choose again.");
                }
                return Response.ok(Templates.removeSpam(shown, tab)).build();
            }
            return afterDecision(tab, decisions.removeAsSpam(items, viewer.get()));
        }, refusal -> queuePage(tab, null, 0, refusal.errors(), ids));
    }

    /** "12:3": item 12 as the moderator saw it at version 3; anything else is not a choice and is ignored. */
    private static List<ReviewDecisions.ChosenItem> chosenItems(List<String> values) {
        List<ReviewDecisions.ChosenItem> items = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String[] parts = value.split(":", 2);
            if (parts.length == 2 && parts[0].matches("\\d{1,18}") && parts[1].matches("\\d{1,9}")) {
                items.add(new ReviewDecisions.ChosenItem(Long.parseLong(parts[0]), Integer.parseInt(parts[1])));
            }
        }
        return items.stream().distinct().toList();
    }

    /** The audit log's filters as the moderator typed them, kept when one is refused. */
    public record LogForm(String moderator, String action, String from, String to, String target, Long item) {

        /** The filters as a query string for the page links, without the page number. */
        public String query() {
            List<String> parts = new ArrayList<>();
            add(parts, "moderator", moderator);
            add(parts, "action", action);
            add(parts, "from", from);
            add(parts, "to", to);
            add(parts, "target", target);
            add(parts, "item", item == null ? null : item.toString());
            return String.join("&", parts);
        }

        private static void add(List<String> parts, String name, String value) {
            if (value != null && !value.isBlank()) {
                parts.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        }
    }

    @GET
    @Path("moderation/log")
    @RolesAllowed({"moderator", "admin"})
    public Response log(@QueryParam("moderator") String moderator, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("target") String target,
            @QueryParam("item") Long item, @QueryParam("page") @DefaultValue("1") int page) {
        LogForm form = new LogForm(moderator, action, from, to, target, item);
        List<AuditAction> actions = List.of(AuditAction.values());
        return FormSubmission.submit("from", () -> {
            AuditLog.Filter filter = new AuditLog.Filter(moderator, AuditAction.fromParameter(action), day("from", from),
                    day("to", to), "post".equals(target) ? ReviewTarget.POST : "comment".equals(target) ? ReviewTarget.COMMENT
                            : null, item);
            return Response.ok(Templates.log(auditLog.page(filter, page), form, auditLog.moderators(), actions,
                    FieldErrors.NONE)).build();
        }, refusal -> Templates.log(new AuditLog.Page(List.of(), 1, false), form, auditLog.moderators(), actions,
                refusal.errors()));
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "write the day as year-month-day, like 2026-03-31");
        }
    }

    /** A flag as the member filled it in, kept when it is refused. */
    public record FlagForm(String reason, String note) {
    }

    /** The flag form on a page of its own: where the in-thread form leads without JavaScript, and after a refusal. */
    @GET
    @Path("posts/{id}/flag")
    @RolesAllowed("member")
    public TemplateInstance flagPostForm(@PathParam("id") long id) {
        return flagPage(ReviewTarget.POST, id, null, new FlagForm(null, ""), FieldErrors.NONE);
    }

    @GET
    @Path("comments/{id}/flag")
    @RolesAllowed("member")
    public TemplateInstance flagCommentForm(@PathParam("id") long id) {
        return flagPage(ReviewTarget.COMMENT, id, flags.postOfComment(id), new FlagForm(null, ""), FieldErrors.NONE);
    }

    @POST
    @Path("posts/{id}/flag")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response flagPost(@PathParam("id") long id, @FormParam("reason") String reason, @FormParam("note") String note) {
        return flag(ReviewTarget.POST, id, null, new FlagForm(reason, note == null ? "" : note));
    }

    @POST
    @Path("comments/{id}/flag")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response flagComment(@PathParam("id") long id, @FormParam("reason") String reason,
            @FormParam("note") String note, @FormParam("postId") long postId) {
        return flag(ReviewTarget.COMMENT, id, postId, new FlagForm(reason, note == null ? "" : note));
    }

    private Response flag(ReviewTarget target, long id, Long postId, FlagForm form) {
        return FormSubmission.submit("note", () -> {
            FlagService.FlagResult result = flags.flag(target, id, viewer.get(),
                    FormValues.enumOrNull(FlagReason.class, form.reason()), form.note());
            return Response.ok(Templates.flagged(target.noun(), back(target, id, postId), result.hidden())).build();
        }, refusal -> flagPage(target, id, postId, form, refusal.errors()));
    }

    /** A member who flagged this already is told so, with their reason and when, instead of being given the form again. */
    private TemplateInstance flagPage(ReviewTarget target, long id, Long postId, FlagForm form, FieldErrors errors) {
        return Templates.flag(target.noun(), "/" + target.noun() + "s/" + id + "/flag", back(target, id, postId), postId,
                form, errors, flags.ownFlag(target, id, viewer.get()).orElse(null));
    }

    private static String back(ReviewTarget target, long id, Long postId) {
        return target == ReviewTarget.POST ? "/posts/" + id : "/posts/" + postId + "#c" + id;
    }
}
