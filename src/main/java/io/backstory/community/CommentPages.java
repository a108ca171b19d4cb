package io.backstory.community;

import java.net.URI;
import java.util.List;

import io.backstory.accounts.CurrentMember;
import io.backstory.platform.api.InvalidInputException;
import io.backstory.platform.api.ProblemException;
import io.backstory.platform.web.FieldErrors;
import io.backstory.taxonomy.TaxonomyCatalog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
                FieldErrors errors, List<TaxonomyCatalog.RemedyGroup> remedyGroups);

        static native TemplateInstance edit(CommentDetail comment, CommentForm form, FieldErrors errors,
                List<TaxonomyCatalog.RemedyGroup> remedyGroups, CommentDetail conflict);
    }

    private final CommentService comments;
    private final PostService posts;
    private final PostPages postPages;
    private final TaxonomyCatalog catalog;
    private final CurrentMember viewer;

    public CommentPages(CommentService comments, PostService posts, PostPages postPages, TaxonomyCatalog catalog,
            CurrentMember viewer) {
        this.comments = comments;
        this.posts = posts;
        this.postPages = postPages;
        this.catalog = catalog;
        this.viewer = viewer;
    }

    @POST
    @Path("posts/{id}/comments")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(@PathParam("id") long postId, MultivaluedMap<String, String> fields) {
        CommentForm form = CommentForm.from(fields);
        try {
            CommentDetail comment = comments.create(postId, form.toRequest(), viewer.get());
            if (comment.status() == ContentStatus.PENDING_REVIEW) {
                return Response.ok(PostPages.Templates.held("comment", comment.safetyNotices(), "/posts/" + postId)).build();
            }
            return Response.seeOther(URI.create("/posts/" + postId + "#c" + comment.id())).build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(replyForm(postId, form, FieldErrors.of(e.errors()))).build();
        } catch (ProblemException e) {
            if (e.problem().status() != 422) {
                throw e;
            }
            // Blocked: keep the member's text in the form, with the reason beside it.
            return Response.status(422).entity(replyForm(postId, form, FieldErrors.of(
                    List.of(new io.backstory.platform.api.Problem.FieldError("body", e.problem().detail()))))).build();
        }
    }

    /** The form the reply came from, re-shown with the member's text and the errors. */
    private TemplateInstance replyForm(long postId, CommentForm form, FieldErrors errors) {
        return form.parentId == null
                ? postPages.postPage(posts.get(postId), comments.thread(postId, CommentTree.Sort.BEST),
                        CommentTree.Sort.BEST, null, form, errors)
                : Templates.reply(posts.get(postId), comments.get(form.parentId), form, errors,
                        catalog.remediesByCategory());
    }

    @GET
    @Path("comments/{id}/reply")
    @RolesAllowed("member")
    public TemplateInstance replyForm(@PathParam("id") long id) {
        CommentDetail parent = comments.get(id);
        return Templates.reply(posts.get(parent.postId()), parent, CommentForm.empty(id), FieldErrors.NONE,
                catalog.remediesByCategory());
    }

    @GET
    @Path("comments/{id}/edit")
    @RolesAllowed("member")
    public TemplateInstance editForm(@PathParam("id") long id) {
        CommentDetail comment = comments.getForAuthor(id, viewer.get(), "edit");
        return Templates.edit(comment, CommentForm.of(comment), FieldErrors.NONE, catalog.remediesByCategory(), null);
    }

    @POST
    @Path("comments/{id}/edit")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        CommentForm form = CommentForm.from(fields);
        try {
            CommentDetail saved = comments.edit(id, form.toRequest(), viewer.get());
            if (saved.status() == ContentStatus.PENDING_REVIEW) {
                return Response.ok(PostPages.Templates.held("comment", saved.safetyNotices(), "/posts/" + saved.postId()))
                        .build();
            }
            return Response.seeOther(URI.create("/posts/" + saved.postId() + "#c" + id)).build();
        } catch (InvalidInputException e) {
            CommentDetail comment = comments.getForAuthor(id, viewer.get(), "edit");
            return Response.status(400).entity(Templates.edit(comment, form, FieldErrors.of(e.errors()),
                    catalog.remediesByCategory(), null)).build();
        } catch (ProblemException e) {
            if (e.problem().status() != 409) {
                throw e;
            }
            CommentDetail current = (CommentDetail) e.problem().current();
            CommentForm kept = new CommentForm(form.body, current.parentId(), form.remedies, current.version());
            return Response.status(409).entity(Templates.edit(current, kept, FieldErrors.NONE, catalog.remediesByCategory(),
                    current)).build();
        }
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
        long postId = comments.delete(id, viewer.get());
        return Response.seeOther(URI.create("/posts/" + postId)).build();
    }

    @GET
    @Path("comments/{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        CommentDetail comment = comments.get(id);
        return PostPages.Templates.history("History of a comment", "/posts/" + comment.postId() + "#c" + id,
                Revision.changes(comments.revisions(id)));
    }
}
