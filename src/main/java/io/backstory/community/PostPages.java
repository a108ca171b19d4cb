package io.backstory.community;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.backstory.accounts.CurrentMember;
import io.backstory.community.WritingCheck.Preview;
import io.backstory.drafts.Draft;
import io.backstory.drafts.DraftService;
import io.backstory.moderation.PreviewLimit;
import io.backstory.moderation.ScreeningAction;
import io.backstory.moderation.ScreeningResult;
import io.backstory.moderation.ScreeningService;
import io.backstory.platform.cache.ReadCache;
import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.errors.DomainException;
import io.backstory.platform.errors.FieldError;
import io.backstory.platform.text.ContentLimits;
import io.backstory.platform.text.MarkdownRenderer;
import io.backstory.platform.text.TextLimit;
import io.backstory.platform.web.FieldErrors;
import io.backstory.platform.web.FormSubmission;
import io.backstory.taxonomy.Condition;
import io.backstory.taxonomy.TaxonomyCatalog;
import io.backstory.writing.WritingHelp;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** Post pages: reading a post (see {@link PostPage}), writing, editing, deleting, and the revision history. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PostPages {

    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String heading, String action, PostForm form, FieldErrors errors,
                List<Condition> conditions, List<TaxonomyCatalog.RemedyGroup> remedyGroups, PostDetail conflict,
                Preview preview, Draft draft);
    }

    private final PostService posts;
    private final PostPage page;
    private final WritingCheck check;
    private final TaxonomyCatalog catalog;
    private final CurrentMember viewer;
    private final DraftService drafts;

    public PostPages(PostService posts, PostPage page, WritingCheck check, TaxonomyCatalog catalog, CurrentMember viewer,
            DraftService drafts) {
        this.posts = posts;
        this.page = page;
        this.check = check;
        this.catalog = catalog;
        this.viewer = viewer;
        this.drafts = drafts;
    }

    /** One transaction: a member's state, the header's counts and the page are read together (see {@link PostPage}). */
    @GET
    @Path("posts/{id}")
    @Transactional
    public Response post(@PathParam("id") long id, @QueryParam("sort") String sort, @QueryParam("saved") String saved) {
        return Response.ok(page.render(id, sort, saved).entity(), HTML).build();
    }

    @GET
    @Path("posts/{id}/comments/{commentId}")
    public TemplateInstance thread(@PathParam("id") long id, @PathParam("commentId") long commentId,
            @QueryParam("sort") String sort) {
        return page.thread(id, commentId, sort);
    }

    @POST
    @Path("posts/{id}/accepted-answer")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acceptAnswer(@PathParam("id") long id, @FormParam("commentId") Long commentId) {
        posts.acceptAnswer(id, commentId, viewer.get());
        return Response.seeOther(URI.create("/posts/" + id + (commentId == null ? "" : "#c" + commentId))).build();
    }

    /**
     * The preview fragment the new-post form fetches as the member types (progressive enhancement; the
     * "Check before posting" button gives the same without JavaScript). Counted against the one preview allowance.
     */
    @POST
    @Path("posts/preview")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response livePreview(@QueryParam("for") String formAction, MultivaluedMap<String, String> fields) {
        Preview preview = check.post(PostForm.from(fields), WritingHelp.ignored(fields));
        // The suggestions' buttons send the form where it goes: the new-post or this post's edit address.
        String action = formAction != null && formAction.matches("/posts(/\\d{1,18}/edit)?") ? formAction : "/posts";
        return FormSubmission.checked(preview.foreseen(), CommunityTemplates.livePreview(preview, action));
    }

    @GET
    @Path("posts/new")
    @RolesAllowed("member")
    public TemplateInstance newPost(@QueryParam("condition") String condition) {
        // "Write a post about ..." on a condition's page starts with that condition ticked.
        boolean known = catalog.conditions().stream().anyMatch(c -> c.slug.equals(condition));
        return draftOrForm(NEW_HEADING, "/posts", NEW_FORM, known ? PostForm.startingIn(condition) : PostForm.empty());
    }

    private static final String NEW_FORM = "/posts/new";

    /** The form filled in from the member's draft of it, if they have one; otherwise as given. */
    private TemplateInstance draftOrForm(String heading, String action, String formPath, PostForm empty) {
        Draft draft = drafts.find(viewer.id(), formPath).orElse(null);
        return Templates.form(heading, action, draft == null ? empty : PostForm.from(draft.asForm()), FieldErrors.NONE,
                catalog.conditions(), catalog.remediesByCategory(), null, null, draft);
    }

    /** "Save draft" without JavaScript: the draft is saved and the form shown again from it. */
    private Response saveDraft(String heading, String action, String formPath, PostForm form,
            MultivaluedMap<String, String> fields) {
        return FormSubmission.submit("body", () -> {
            drafts.save(viewer.id(), formPath, fields);
            return Response.seeOther(URI.create(formPath)).build();
        }, refusal -> form(heading, action, form, refusal.errors(), null, null));
    }

    @POST
    @Path("posts")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> fields) {
        PostForm form = PostForm.from(fields);
        if (fields.containsKey(WritingCheck.CHECK)) {
            return checkBeforePosting(NEW_HEADING, "/posts", form, fields);
        }
        if (fields.containsKey(WritingCheck.SAVE_DRAFT)) {
            return saveDraft(NEW_HEADING, "/posts", NEW_FORM, form, fields);
        }
        if (WritingHelp.isHelpRequest(fields)) {
            return suggestTags(NEW_HEADING, "/posts", form, fields);
        }
        return FormSubmission.submit("body",
                () -> saved(published(NEW_FORM, posts.create(form.toRequest(), viewer.get())), PostPage.Saved.NEW),
                refusal -> form(NEW_HEADING, "/posts", form, refusal.errors(), null, null));
    }

    private static final String NEW_HEADING = "Share your story, question or tip";
    private static final String EDIT_HEADING = "Edit your post";

    /** The form was sent and saved: the member's draft of it goes. */
    private PostDetail published(String formPath, PostDetail post) {
        drafts.published(viewer.id(), formPath);
        return post;
    }

    /** A held post tells its author why; a published one is shown with a word that it is. */
    private static Response saved(PostDetail post, PostPage.Saved saved) {
        if (post.status() == ContentStatus.PENDING_REVIEW) {
            return Response.ok(CommunityTemplates.held("post", post.safetyNotices(), post.urgentCare(), post.redFlags(), "/")).build();
        }
        return Response.seeOther(URI.create("/posts/" + post.id() + "?saved=" + saved.name().toLowerCase())).build();
    }

    /** "Check before posting" without JavaScript: the form with the preview, within the one preview allowance. */
    private Response checkBeforePosting(String heading, String action, PostForm form,
            MultivaluedMap<String, String> fields) {
        return FormSubmission.submit("body", () -> {
            Preview preview = check.post(form, WritingHelp.ignored(fields));
            return FormSubmission.checked(preview.foreseen(), form(heading, action, form, FieldErrors.NONE, null, preview));
        }, refusal -> form(heading, action, form, refusal.errors(), null, null));
    }

    /**
     * "Suggest tags" and the suggestions' own buttons without JavaScript: the form comes back with the accepted tag
     * set and the suggestions that are left. Nothing is screened or saved, so no allowance is used.
     */
    private Response suggestTags(String heading, String action, PostForm sent, MultivaluedMap<String, String> fields) {
        PostForm form = WritingHelp.accepted(fields).map(sent::with).orElse(sent);
        return Response.ok(form(heading, action, form, FieldErrors.NONE, null,
                Preview.suggestionsOnly(check.suggestions(form, WritingHelp.ignored(fields))))).build();
    }

    @GET
    @Path("posts/{id}/edit")
    @RolesAllowed("member")
    public TemplateInstance editPost(@PathParam("id") long id) {
        PostDetail post = posts.getForAuthor(id, viewer.get(), "edit");
        return draftOrForm(EDIT_HEADING, "/posts/" + id + "/edit", "/posts/" + id + "/edit", PostForm.of(post));
    }

    @POST
    @Path("posts/{id}/edit")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        PostForm form = PostForm.from(fields);
        String action = "/posts/" + id + "/edit";
        if (fields.containsKey(WritingCheck.CHECK) || WritingHelp.isHelpRequest(fields)) {
            posts.getForAuthor(id, viewer.get(), "edit");
            return fields.containsKey(WritingCheck.CHECK) ? checkBeforePosting(EDIT_HEADING, action, form, fields)
                    : suggestTags(EDIT_HEADING, action, form, fields);
        }
        if (fields.containsKey(WritingCheck.SAVE_DRAFT)) {
            posts.getForAuthor(id, viewer.get(), "edit");
            return saveDraft(EDIT_HEADING, action, action, form, fields);
        }
        return FormSubmission.submit("body",
                () -> saved(published(action, posts.edit(id, form.toRequest(), viewer.get())), PostPage.Saved.EDIT), refusal -> {
            // On an edit conflict keep what the member wrote, show what is there now, and let them save on top of it.
            return refusal.current(PostDetail.class).map(current -> form(EDIT_HEADING, action,
                    new PostForm(form.kind, form.title, form.body, form.conditions, form.remedies, current.version()),
                    FieldErrors.NONE, current, null))
                    .orElseGet(() -> form(EDIT_HEADING, action, form, refusal.errors(), null, null));
        });
    }

    @GET
    @Path("posts/{id}/delete")
    @RolesAllowed("member")
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        PostDetail post = posts.getForAuthor(id, viewer.get(), "delete");
        return CommunityTemplates.confirm("Delete your post?", "Delete \"" + post.title()
                + "\"? It disappears from Backstory together with its comments. This cannot be undone.",
                "/posts/" + id + "/delete", "/posts/" + id);
    }

    @POST
    @Path("posts/{id}/delete")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        posts.delete(id, viewer.get());
        return Response.seeOther(URI.create("/")).build();
    }

    @GET
    @Path("posts/{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        PostDetail post = posts.get(id);
        return CommunityTemplates.history("History of \"" + post.title() + "\"", "/posts/" + id,
                Revision.changes(posts.revisions(id, viewer)));
    }

    private TemplateInstance form(String heading, String action, PostForm form, FieldErrors errors,
            PostDetail conflict, Preview preview) {
        return Templates.form(heading, action, form, errors, catalog.conditions(), catalog.remediesByCategory(),
                conflict, preview, null);
    }
}
