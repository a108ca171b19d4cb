package io.backstory.community;

import java.net.URI;
import java.util.List;

import io.backstory.accounts.CurrentMember;
import io.backstory.drafts.Draft;
import io.backstory.drafts.DraftService;
import io.backstory.platform.web.FieldErrors;
import io.backstory.platform.web.FormSubmission;
import io.backstory.taxonomy.TaxonomyCatalog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** Comment pages: replying, editing, deleting and the revision history. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CommentPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reply(PostDetail post, CommentDetail parent, CommentForm form,
                FieldErrors errors, List<TaxonomyCatalog.RemedyGroup> remedyGroups, Draft draft);

        static native TemplateInstance edit(CommentDetail comment, CommentForm form, FieldErrors errors,
                List<TaxonomyCatalog.RemedyGroup> remedyGroups, CommentDetail conflict, Draft draft);
    }

    private final CommentService comments;
    private final PostService posts;
    private final PostPages postPages;
    private final TaxonomyCatalog catalog;
    private final CurrentMember viewer;
    private final DraftService drafts;

    public CommentPages(CommentService comments, PostService posts, PostPages postPages, TaxonomyCatalog catalog,
            CurrentMember viewer, DraftService drafts) {
        this.comments = comments;
        this.posts = posts;
        this.postPages = postPages;
        this.catalog = catalog;
        this.viewer = viewer;
        this.drafts = drafts;
    }

    @POST
    @Path("posts/{id}/comments")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(@PathParam("id") long postId, MultivaluedMap<String, String> fields) {
        CommentForm form = CommentForm.from(fields);
        String formPath = form.parentId == null ? "/posts/" + postId : "/comments/" + form.parentId + "/reply";
        if (fields.containsKey(PostPages.SAVE_DRAFT)) {
            return saveDraft(formPath, fields, refusal -> replyForm(postId, form, refusal.errors()));
        }
        return FormSubmission.submit("body", () -> saved(published(formPath, comments.create(postId, form.toRequest(), viewer.get()))),
                refusal -> replyForm(postId, form, refusal.errors()));
    }

    /** "Save draft" without JavaScript: the draft is saved and its form shown again from it. */
    private Response saveDraft(String formPath, MultivaluedMap<String, String> fields,
            java.util.function.Function<FormSubmission.Refusal, TemplateInstance> form) {
        return FormSubmission.submit("body", () -> {
            drafts.save(viewer.get().id, formPath, fields);
            return Response.seeOther(URI.create(formPath + (formPath.startsWith("/posts/") ? "#reply-body" : ""))).build();
        }, form);
    }

    /** The form was sent and saved: the member's draft of it goes. */
    private CommentDetail published(String formPath, CommentDetail comment) {
        drafts.published(viewer.get().id, formPath);
        return comment;
    }

    /** A held comment tells its author why; a published one is shown in its thread. */
    private static Response saved(CommentDetail comment) {
        if (comment.status() == ContentStatus.PENDING_REVIEW) {
            return Response.ok(PostPages.Templates.held("comment", comment.safetyNotices(), "/posts/" + comment.postId()))
                    .build();
        }
        return Response.seeOther(URI.create("/posts/" + comment.postId() + "#c" + comment.id())).build();
    }

    /** The form the reply came from, re-shown with the member's text and the errors. */
    private TemplateInstance replyForm(long postId, CommentForm form, FieldErrors errors) {
        return form.parentId == null
                ? postPages.postPage(posts.get(postId), comments.thread(postId, CommentTree.Sort.BEST, viewer.get().id),
                        CommentTree.Sort.BEST, null, form, errors)
                : Templates.reply(posts.get(postId), comments.get(form.parentId), form, errors,
                        catalog.remediesByCategory(), null);
    }

    @GET
    @Path("comments/{id}/reply")
    @RolesAllowed("member")
    public TemplateInstance replyForm(@PathParam("id") long id, @QueryParam("quote") boolean quote) {
        CommentDetail parent = comments.get(id);
        if (quote) {
            // "Quote" starts the reply with the comment as a Markdown quote; the member trims it to what they answer.
            return Templates.reply(posts.get(parent.postId()), parent, CommentForm.quoting(parent), FieldErrors.NONE,
                    catalog.remediesByCategory(), null);
        }
        Draft draft = drafts.find(viewer.get().id, "/comments/" + id + "/reply").orElse(null);
        return Templates.reply(posts.get(parent.postId()), parent,
                draft == null ? CommentForm.empty(id) : CommentForm.from(draft.asForm()), FieldErrors.NONE,
                catalog.remediesByCategory(), draft);
    }

    @GET
    @Path("comments/{id}/edit")
    @RolesAllowed("member")
    public TemplateInstance editForm(@PathParam("id") long id) {
        CommentDetail comment = comments.getForAuthor(id, viewer.get(), "edit");
        Draft draft = drafts.find(viewer.get().id, "/comments/" + id + "/edit").orElse(null);
        return Templates.edit(comment, draft == null ? CommentForm.of(comment) : CommentForm.from(draft.asForm()),
                FieldErrors.NONE, catalog.remediesByCategory(), null, draft);
    }

    @POST
    @Path("comments/{id}/edit")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        CommentForm form = CommentForm.from(fields);
        String formPath = "/comments/" + id + "/edit";
        java.util.function.Function<FormSubmission.Refusal, TemplateInstance> refused = refusal -> {
            if (refusal.isConflict() && refusal.problem().current() instanceof CommentDetail current) {
                CommentForm kept = new CommentForm(form.body, current.parentId(), form.remedies, current.version());
                return Templates.edit(current, kept, FieldErrors.NONE, catalog.remediesByCategory(), current, null);
            }
            return Templates.edit(comments.getForAuthor(id, viewer.get(), "edit"), form, refusal.errors(),
                    catalog.remediesByCategory(), null, null);
        };
        if (fields.containsKey(PostPages.SAVE_DRAFT)) {
            comments.getForAuthor(id, viewer.get(), "edit");
            return saveDraft(formPath, fields, refused);
        }
        return FormSubmission.submit("body", () -> saved(published(formPath, comments.edit(id, form.toRequest(), viewer.get()))), refused);
    }

    @GET
    @Path("comments/{id}/delete")
    @RolesAllowed("member")
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        CommentDetail comment = comments.getForAuthor(id, viewer.get(), "delete");
        return PostPages.Templates.confirm("Delete your comment?",
                "Delete this comment? Its text and history are erased; replies to it stay, under \"[deleted]\".",
                "/comments/" + id + "/delete", "/posts/" + comment.postId() + "#c" + id);
    }

    @POST
    @Path("comments/{id}/delete")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        Long postId = comments.delete(id, viewer.get());
        return Response.seeOther(URI.create(postId == null ? "/" : "/posts/" + postId)).build();
    }

    @GET
    @Path("comments/{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        CommentDetail comment = comments.get(id);
        return PostPages.Templates.history("History of a comment", "/posts/" + comment.postId() + "#c" + id,
                Revision.changes(comments.revisions(id, viewer)));
    }
}
