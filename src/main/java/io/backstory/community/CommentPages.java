package io.backstory.community;

import io.backstory.platform.content.ContentStatus;
import java.net.URI;
import java.util.List;

import io.backstory.accounts.CurrentMember;
import io.backstory.community.WritingCheck.Preview;
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

    /** The button of the post page's comment form that asks for its remedy list without JavaScript. */
    static final String SHOW_REMEDIES = "show-remedies";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reply(PostDetail post, CommentDetail parent, CommentForm form,
                FieldErrors errors, List<TaxonomyCatalog.RemedyGroup> remedyGroups, Draft draft, Preview check);

        /** The remedy list alone, open: the post page's comment form brings it in when opened. */
        static native TemplateInstance remedyPicker(List<TaxonomyCatalog.RemedyGroup> remedyGroups, CommentForm form);

        static native TemplateInstance edit(CommentDetail comment, CommentForm form, FieldErrors errors,
                List<TaxonomyCatalog.RemedyGroup> remedyGroups, CommentDetail conflict, Draft draft,
                Preview check);
    }

    private final CommentService comments;
    private final PostService posts;
    private final PostPage postPage;
    private final WritingCheck writingCheck;
    private final TaxonomyCatalog catalog;
    private final CurrentMember viewer;
    private final DraftService drafts;

    public CommentPages(CommentService comments, PostService posts, PostPage postPage, WritingCheck check,
            TaxonomyCatalog catalog, CurrentMember viewer, DraftService drafts) {
        this.comments = comments;
        this.posts = posts;
        this.postPage = postPage;
        this.writingCheck = check;
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
        if (fields.containsKey(WritingCheck.CHECK)) {
            return FormSubmission.submit("body", () -> {
                Preview check = check(posts.get(postId), form.body);
                return FormSubmission.checked(check.foreseen(), replyForm(postId, form, FieldErrors.NONE, check));
            }, refusal -> replyForm(postId, form, refusal.errors(), null));
        }
        if (fields.containsKey(SHOW_REMEDIES)) {
            // The post page's form, which leaves its remedy list out, asked for it without JavaScript: shown again with it.
            return Response.ok(replyForm(postId, form, FieldErrors.NONE, null)).build();
        }
        if (fields.containsKey(WritingCheck.SAVE_DRAFT)) {
            return saveDraft(formPath, fields, refusal -> replyForm(postId, form, refusal.errors(), null));
        }
        return FormSubmission.submit("body", () -> saved(published(formPath, comments.create(postId, form.toRequest(), viewer.get()))),
                refusal -> replyForm(postId, form, refusal.errors(), null));
    }

    /**
     * The check the comment, reply and edit forms fetch as the member types (progressive enhancement; their "Check
     * before posting" button gives the same without JavaScript): the safety check with the post's conditions.
     */
    @POST
    @Path("posts/{id}/comments/preview")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response livePreview(@PathParam("id") long postId, MultivaluedMap<String, String> fields) {
        Preview check = check(posts.get(postId), fields.getFirst("body"));
        return FormSubmission.checked(check.foreseen(), CommunityTemplates.livePreview(check, "/posts/" + postId + "/comments"));
    }

    private Preview check(PostDetail post, String body) {
        return writingCheck.comment(body == null ? "" : body, post);
    }

    /** "Save draft" without JavaScript: the draft is saved and its form shown again from it. */
    private Response saveDraft(String formPath, MultivaluedMap<String, String> fields,
            java.util.function.Function<FormSubmission.Refusal, TemplateInstance> form) {
        return FormSubmission.submit("body", () -> {
            drafts.save(viewer.id(), formPath, fields);
            return Response.seeOther(URI.create(formPath + (formPath.startsWith("/posts/") ? "#reply-body" : ""))).build();
        }, form);
    }

    /** The form was sent and saved: the member's draft of it goes. */
    private CommentDetail published(String formPath, CommentDetail comment) {
        drafts.published(viewer.id(), formPath);
        return comment;
    }

    /** A held comment tells its author why; a published one is shown in its thread. */
    private Response saved(CommentDetail comment) {
        if (comment.status() == ContentStatus.PENDING_REVIEW) {
            return Response.ok(CommunityTemplates.held("comment", comment.safetyNotices(), comment.urgentCare(),
                    posts.get(comment.postId()).redFlags(), "/posts/" + comment.postId())).build();
        }
        return Response.seeOther(URI.create("/posts/" + comment.postId() + "#c" + comment.id())).build();
    }

    /** The form the reply came from, re-shown with the member's text and the errors or the check before posting. */
    private TemplateInstance replyForm(long postId, CommentForm form, FieldErrors errors, Preview check) {
        return form.parentId == null
                ? postPage.withCommentForm(postId, form, errors, check)
                : Templates.reply(posts.get(postId), comments.get(form.parentId), form, errors,
                        catalog.remediesByCategory(), null, check);
    }

    @GET
    @Path("comments/{id}/reply")
    @RolesAllowed("member")
    public TemplateInstance replyForm(@PathParam("id") long id, @QueryParam("quote") boolean quote) {
        CommentDetail parent = comments.get(id);
        if (quote) {
            // "Quote" starts the reply with the comment as a Markdown quote; the member trims it to what they answer.
            return Templates.reply(posts.get(parent.postId()), parent, CommentForm.quoting(parent), FieldErrors.NONE,
                    catalog.remediesByCategory(), null, null);
        }
        Draft draft = drafts.find(viewer.id(), "/comments/" + id + "/reply").orElse(null);
        return Templates.reply(posts.get(parent.postId()), parent,
                draft == null ? CommentForm.empty(id) : CommentForm.from(draft.asForm()), FieldErrors.NONE,
                catalog.remediesByCategory(), draft, null);
    }

    /** What the post page's comment form brings in when its remedy list is opened (see remedy-checkboxes.html). */
    @GET
    @Path("comments/remedy-picker")
    @RolesAllowed("member")
    public TemplateInstance remedyPicker() {
        return Templates.remedyPicker(catalog.remediesByCategory(), CommentForm.empty(null));
    }

    @GET
    @Path("comments/{id}/edit")
    @RolesAllowed("member")
    public TemplateInstance editForm(@PathParam("id") long id) {
        CommentDetail comment = comments.getForAuthor(id, viewer.get(), "edit");
        Draft draft = drafts.find(viewer.id(), "/comments/" + id + "/edit").orElse(null);
        return Templates.edit(comment, draft == null ? CommentForm.of(comment) : CommentForm.from(draft.asForm()),
                FieldErrors.NONE, catalog.remediesByCategory(), null, draft, null);
    }

    @POST
    @Path("comments/{id}/edit")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        CommentForm form = CommentForm.from(fields);
        String formPath = "/comments/" + id + "/edit";
        java.util.function.Function<FormSubmission.Refusal, TemplateInstance> refused = refusal -> {
            return refusal.current(CommentDetail.class).map(current -> Templates.edit(current,
                    new CommentForm(form.body, current.parentId(), form.remedies, current.version()), FieldErrors.NONE,
                    catalog.remediesByCategory(), current, null, null))
                    .orElseGet(() -> Templates.edit(comments.getForAuthor(id, viewer.get(), "edit"), form, refusal.errors(),
                            catalog.remediesByCategory(), null, null, null));
        };
        if (fields.containsKey(WritingCheck.CHECK)) {
            CommentDetail comment = comments.getForAuthor(id, viewer.get(), "edit");
            return FormSubmission.submit("body", () -> {
                Preview check = check(posts.get(comment.postId()), form.body);
                return FormSubmission.checked(check.foreseen(), Templates.edit(comment, form, FieldErrors.NONE,
                        catalog.remediesByCategory(), null, null, check));
            }, refused);
        }
        if (fields.containsKey(WritingCheck.SAVE_DRAFT)) {
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
        return CommunityTemplates.confirm("Delete your comment?",
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
        return CommunityTemplates.history("History of a comment", "/posts/" + comment.postId() + "#c" + id,
                Revision.changes(comments.revisions(id, viewer)));
    }
}
