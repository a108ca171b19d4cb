package io.backstory.community;

import io.backstory.platform.content.ContentStatus;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.backstory.accounts.CurrentMember;
import io.backstory.drafts.Draft;
import io.backstory.drafts.DraftService;
import io.backstory.platform.cache.ReadCache;
import io.backstory.platform.api.Problem;
import io.backstory.platform.text.ContentLimits;
import io.backstory.platform.text.TextLimit;
import io.backstory.platform.web.FieldErrors;
import io.backstory.platform.web.FormSubmission;
import io.backstory.moderation.PreviewLimit;
import io.backstory.moderation.ScreeningAction;
import io.backstory.moderation.ScreeningResult;
import io.backstory.moderation.ScreeningService;
import io.backstory.platform.text.MarkdownRenderer;
import io.backstory.taxonomy.Condition;
import io.backstory.taxonomy.RedFlagAdvice;
import io.backstory.taxonomy.TaxonomyCatalog;
import io.backstory.voting.VoteService;
import io.backstory.writing.WritingHelp;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
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

/** Post pages: reading a post and its thread, writing, editing, deleting, and the revision history. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PostPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance post(PostDetail post, List<CommentTree.Item> comments, CommentNode accepted,
                CommentTree.Sort sort, Long threadOf, Viewer viewer, List<TaxonomyCatalog.RemedyGroup> remedyGroups,
                CommentForm reply, FieldErrors errors, String cachedThread, Draft draft, Saved saved, Preview check);

        /** The comment thread alone, rendered once for all logged-out readers and once for all members. */
        static native TemplateInstance post$thread(PostDetail post, List<CommentTree.Item> comments, CommentNode accepted,
                CommentTree.Sort sort, Viewer viewer);

        /** One comment of the thread, as {@code viewer} sees it (their own, laid over the members' shared render). */
        static native TemplateInstance post$comment(CommentTree.Item item, PostDetail post, Viewer viewer);

        /** A comment's points line ("3 points"), for the tallies of comments the viewer voted on. */
        static native TemplateInstance post$points(int score);

        static native TemplateInstance form(String heading, String action, PostForm form, FieldErrors errors,
                List<Condition> conditions, List<TaxonomyCatalog.RemedyGroup> remedyGroups, PostDetail conflict,
                Preview preview, Draft draft);

        static native TemplateInstance history(String heading, String backUrl, List<Revision.Change> changes);

        static native TemplateInstance confirm(String heading, String question, String action, String cancelUrl);

        static native TemplateInstance held(String what, List<String> reasons, List<String> urgentCare,
                List<RedFlagAdvice> redFlags, String backUrl);

        static native TemplateInstance livePreview(Preview preview, String action);
    }

    private final PostService posts;
    private final CommentService comments;
    private final TaxonomyCatalog catalog;
    private final CurrentMember viewer;
    private final VoteService votes;
    private final ScreeningService screening;
    private final MarkdownRenderer markdown;
    private final PreviewLimit previews;
    private final io.backstory.following.FollowingService following;
    private final ReadCache cache;
    private final DraftService drafts;
    private final WritingHelp writingHelp;

    public PostPages(PostService posts, CommentService comments, TaxonomyCatalog catalog, CurrentMember viewer,
            VoteService votes, ScreeningService screening, MarkdownRenderer markdown,
            PreviewLimit previews, io.backstory.following.FollowingService following,
            ReadCache cache, DraftService drafts, WritingHelp writingHelp) {
        this.writingHelp = writingHelp;
        this.posts = posts;
        this.comments = comments;
        this.catalog = catalog;
        this.viewer = viewer;
        this.votes = votes;
        this.screening = screening;
        this.markdown = markdown;
        this.previews = previews;
        this.following = following;
        this.cache = cache;
        this.drafts = drafts;
    }

    /**
     * Who is reading: their handle (null: anonymous) and the votes they cast here, to show pressed buttons. The
     * {@code shared} viewer is every member at once: the thread rendered for it marks what varies between members
     * (see {@link MemberThread}), and it is the author of nothing.
     */
    public record Viewer(String handle, int postVote, Map<Long, Integer> commentVotes, boolean bookmarked,
            int waitingComments, boolean shared) {

        private static final RawString NOTHING = new RawString("");

        /** Sees the members' controls: logged in, or the shared render for every member. */
        public boolean isMember() {
            return handle != null || shared;
        }

        /** Marks where a comment, its vote buttons, its points or its accepted-answer button start (shared only). */
        public RawString commentStart(long commentId) {
            return shared ? MemberThread.Varying.COMMENT.start(commentId) : NOTHING;
        }

        public RawString votesStart(long commentId) {
            return shared ? MemberThread.Varying.VOTES.start(commentId) : NOTHING;
        }

        public RawString pointsStart(long commentId) {
            return shared ? MemberThread.Varying.POINTS.start(commentId) : NOTHING;
        }

        public RawString acceptStart(long commentId) {
            return shared ? MemberThread.Varying.ACCEPT.start(commentId) : NOTHING;
        }

        /** Between two variants of a marked part (shared only). */
        public RawString nextVariant() {
            return shared ? MemberThread.next() : NOTHING;
        }

        /** Where a marked part ends (shared only). */
        public RawString end() {
            return shared ? MemberThread.end() : NOTHING;
        }

        /** The votes to render buttons for: this viewer's own, or (shared) every one a member can have cast. */
        public List<Integer> voteVariants(long commentId) {
            return shared ? SHARED_VOTE_VARIANTS : List.of(commentVote(commentId));
        }

        /** Gets the accepted-answer buttons of a question: its author (shared: marked, for its author only). */
        public boolean mayAccept(String postAuthor) {
            return shared || isAuthor(postAuthor);
        }

        /** "3 comments"; counting their own comments that wait for a moderator's check, and saying so. */
        public String commentHeading(int published) {
            String count = (published + waitingComments) + " comment" + (published + waitingComments == 1 ? "" : "s");
            return waitingComments == 0 ? count
                    : count + " (" + (waitingComments == 1 ? "yours is" : waitingComments + " of yours are")
                            + " waiting for a moderator's check)";
        }

        public int commentVote(long commentId) {
            return commentVotes.getOrDefault(commentId, 0);
        }

        public boolean isAuthor(String author) {
            return handle != null && handle.equals(author);
        }

        /**
         * The urgent-care advice this reader sees: all of it for the writer; for everyone else only what the rules
         * found. The model's red flags are often ordinary pain told in detail (an outside tester's calf tingling got
         * "needs a doctor today"): the writer is told, and moderators check on them, but other readers are not alarmed.
         */
        public List<String> urgentCareShown(String author, List<String> advice) {
            return isAuthor(author) ? advice
                    : advice.stream().filter(a -> !a.equals(ScreeningService.MODEL_RED_FLAG_NOTICE)).toList();
        }
    }

    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");
    private static final Viewer ANONYMOUS = new Viewer(null, 0, Map.of(), false, 0, false);
    private static final Viewer EVERY_MEMBER = new Viewer(null, 0, Map.of(), false, 0, true);
    /** In the order {@link MemberThread} picks them: no vote, up, down. */
    private static final List<Integer> SHARED_VOTE_VARIANTS = List.of(0, 1, -1);

    private record SharedPost(long id) {
    }

    private record SharedThread(long postId, CommentTree.Sort sort) {
    }

    private record SharedMemberThread(long postId, CommentTree.Sort sort) {
    }

    /** What the author just did, confirmed on the post they are sent to (the address says so: {@code ?saved=new}). */
    public enum Saved {
        NEW, EDIT;

        static Saved fromParameter(String value) {
            for (Saved saved : values()) {
                if (saved.name().equalsIgnoreCase(value)) {
                    return saved;
                }
            }
            return null;
        }
    }

    /**
     * Rendered here, inside one transaction: a member's state, the header's counts and the page are read together, not
     * in a transaction each. A member's view is sent as bytes: the shared thread is kept encoded, and only the page
     * around it is rendered.
     */
    @GET
    @Path("posts/{id}")
    @Transactional
    public Response post(@PathParam("id") long id, @QueryParam("sort") String sort, @QueryParam("saved") String saved) {
        CommentTree.Sort order = CommentTree.Sort.fromParameter(sort);
        if (!viewer.isLoggedIn()) {
            // Logged-out readers all see the same page: the post and its rendered thread are shared read models.
            PostDetail post = cache.get(new SharedPost(id), () -> posts.get(id));
            String thread = cache.get(new SharedThread(id, order), () -> {
                List<CommentNode> nodes = comments.thread(id, order);
                return Templates.post$thread(post, CommentTree.layout(nodes), accepted(post, nodes), order, ANONYMOUS).render();
            });
            return Response.ok(Templates.post(post, List.of(), null, order, null, ANONYMOUS, catalog.remediesByCategory(),
                    CommentForm.empty(null), FieldErrors.NONE, thread, null, null, null).render(), HTML).build();
        }
        long memberId = viewer.get().id;
        // The post as everyone sees it (shared, as for visitors), with its tallies as of now and the member's vote.
        VoteService.Vote postVote = votes.postVote(memberId, id);
        PostDetail post = cache.get(new SharedPost(id), () -> posts.get(id))
                .withTallies(postVote.upvotes(), postVote.downvotes());
        Saved confirmed = viewer.getHandle() != null && viewer.getHandle().equals(post.author())
                ? Saved.fromParameter(saved) : null;
        Draft draft = drafts.find(memberId, "/posts/" + id).orElse(null);
        CommentForm reply = draft == null ? CommentForm.empty(null) : CommentForm.from(draft.asForm());
        if (comments.hasWaiting(id, memberId)) {
            // Their own comments waiting for a moderator's check are in no shared render: their thread is their own.
            return Response.ok(postPage(post, comments.thread(id, order, memberId), order, null, reply, FieldErrors.NONE,
                    draft, confirmed).render(), HTML).build();
        }
        Map<Long, VoteService.Vote> commentVotes = votes.commentVotes(memberId, id);
        Viewer reader = new Viewer(viewer.getHandle(), postVote.value(), voteValues(commentVotes),
                following.isBookmarked(memberId, id), 0, false);
        MemberThread shared = cache.get(new SharedMemberThread(id, order), () -> {
            List<CommentNode> nodes = comments.thread(id, order);
            List<CommentTree.Item> items = CommentTree.layout(nodes);
            return MemberThread.parse(
                    Templates.post$thread(post, items, accepted(post, nodes), order, EVERY_MEMBER).render(), items);
        });
        byte[] thread = shared.render(new MemberThread.Overlay(reader.handle(), reader.isAuthor(post.author()),
                commentVotes, item -> Templates.post$comment(item, post, reader).render(),
                score -> Templates.post$points(score).render()));
        String page = Templates.post(post, List.of(), null, order, null, reader, catalog.remediesByCategory(), reply,
                FieldErrors.NONE, MemberThread.SLOT, draft, confirmed, null).render();
        return Response.ok(MemberThread.splice(page, thread), HTML).build();
    }

    private static Map<Long, Integer> voteValues(Map<Long, VoteService.Vote> votes) {
        Map<Long, Integer> values = new java.util.HashMap<>();
        votes.forEach((commentId, vote) -> values.put(commentId, vote.value()));
        return values;
    }

    @GET
    @Path("posts/{id}/comments/{commentId}")
    public TemplateInstance thread(@PathParam("id") long id, @PathParam("commentId") long commentId,
            @QueryParam("sort") String sort) {
        CommentTree.Sort order = CommentTree.Sort.fromParameter(sort);
        return postPage(posts.get(id), comments.subtree(id, commentId, order, viewer.isLoggedIn() ? viewer.get().id : null),
                order, commentId, CommentForm.empty(null), FieldErrors.NONE, null, null);
    }

    /** The post page with its comment form as the member sent it: with what is wrong, or the check before posting. */
    TemplateInstance postPage(PostDetail post, List<CommentNode> thread, CommentForm reply, FieldErrors errors,
            Preview check) {
        return postPage(post, thread, CommentTree.Sort.BEST, null, reply, errors, null, null, check);
    }

    private TemplateInstance postPage(PostDetail post, List<CommentNode> thread, CommentTree.Sort sort, Long threadOf,
            CommentForm reply, FieldErrors errors, Draft draft, Saved saved) {
        return postPage(post, thread, sort, threadOf, reply, errors, draft, saved, null);
    }

    private TemplateInstance postPage(PostDetail post, List<CommentNode> thread, CommentTree.Sort sort, Long threadOf,
            CommentForm reply, FieldErrors errors, Draft draft, Saved saved, Preview check) {
        Viewer reader = viewer.isLoggedIn()
                ? new Viewer(viewer.getHandle(), votes.postVote(viewer.get().id, post.id()).value(),
                        voteValues(votes.commentVotes(viewer.get().id, post.id())), following.isBookmarked(viewer.get().id, post.id()),
                        waiting(thread), false)
                : ANONYMOUS;
        return Templates.post(post, CommentTree.layout(thread), accepted(post, thread), sort, threadOf, reader,
                catalog.remediesByCategory(), reply, errors, null, draft, saved, check);
    }

    private static int waiting(List<CommentNode> nodes) {
        int waiting = 0;
        for (CommentNode node : nodes) {
            waiting += (node.isWaiting() ? 1 : 0) + waiting(node.replies());
        }
        return waiting;
    }

    private static CommentNode accepted(PostDetail post, List<CommentNode> thread) {
        return post.acceptedCommentId() == null ? null : find(thread, post.acceptedCommentId());
    }

    private static CommentNode find(List<CommentNode> nodes, long id) {
        for (CommentNode node : nodes) {
            if (node.id() == id) {
                return node.isVisible() ? node : null;
            }
            CommentNode below = find(node.replies(), id);
            if (below != null) {
                return below;
            }
        }
        return null;
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
     * What the author sees before posting: the rendered text, what screening would do with it, and what is wrong with
     * the title and text so far (too long, characters that cannot be shown; not yet "missing", as they are typing).
     * {@code redFlags} are the red-flag texts of the conditions it is about, quoted if screening finds red-flag
     * symptoms. A comment's check has no tag suggestions.
     */
    public record Preview(String html, ScreeningResult screening, FieldErrors errors,
            WritingHelp.Suggestions suggestions, List<RedFlagAdvice> redFlags) {

        /** Only suggestions ("Suggest tags" or a suggestion's button, without JavaScript): no verdict yet. */
        static Preview suggestionsOnly(WritingHelp.Suggestions suggestions) {
            return new Preview(null, null, FieldErrors.NONE, suggestions, List.of());
        }

        /** 400 for text that cannot be sent as it is, 422 for text screening would refuse (spam), else 200. */
        int status() {
            return !errors.isEmpty() ? 400
                    : screening != null && screening.verdict() == ScreeningAction.BLOCK ? 422 : 200;
        }
    }

    private static final TextLimit TITLE_SO_FAR = new TextLimit(0, ContentLimits.TITLE_MAX, false, "");
    private static final TextLimit BODY_SO_FAR = TextLimit.optional(ContentLimits.POST_BODY_MAX);
    private static final TextLimit COMMENT_SO_FAR = TextLimit.optional(ContentLimits.COMMENT_BODY_MAX);

    /**
     * The preview fragment the new-post form fetches as the member types (progressive enhancement; the
     * "Check before posting" button gives the same without JavaScript). Counted against the one preview allowance.
     */
    @POST
    @Path("posts/preview")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response livePreview(@QueryParam("for") String formAction, MultivaluedMap<String, String> fields) {
        previews.acquire(viewer.get());
        Preview preview = preview(PostForm.from(fields), WritingHelp.ignored(fields));
        // The suggestions' buttons send the form where it goes: the new-post or this post's edit address.
        String action = formAction != null && formAction.matches("/posts(/\\d{1,18}/edit)?") ? formAction : "/posts";
        return Response.status(preview.status()).entity(Templates.livePreview(preview, action))
                .build();
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
        Draft draft = drafts.find(viewer.get().id, formPath).orElse(null);
        return Templates.form(heading, action, draft == null ? empty : PostForm.from(draft.asForm()), FieldErrors.NONE,
                catalog.conditions(), catalog.remediesByCategory(), null, null, draft);
    }

    /** "Save draft" without JavaScript: the draft is saved and the form shown again from it. */
    private Response saveDraft(String heading, String action, String formPath, PostForm form,
            MultivaluedMap<String, String> fields) {
        return FormSubmission.submit("body", () -> {
            drafts.save(viewer.get().id, formPath, fields);
            return Response.seeOther(URI.create(formPath)).build();
        }, refusal -> form(heading, action, form, refusal.errors(), null, null));
    }

    @POST
    @Path("posts")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> fields) {
        PostForm form = PostForm.from(fields);
        if (fields.containsKey(CHECK)) {
            return checkBeforePosting(NEW_HEADING, "/posts", form, fields);
        }
        if (fields.containsKey(SAVE_DRAFT)) {
            return saveDraft(NEW_HEADING, "/posts", NEW_FORM, form, fields);
        }
        if (WritingHelp.isHelpRequest(fields)) {
            return suggestTags(NEW_HEADING, "/posts", form, fields);
        }
        return FormSubmission.submit("body",
                () -> saved(published(NEW_FORM, posts.create(form.toRequest(), viewer.get())), Saved.NEW),
                refusal -> form(NEW_HEADING, "/posts", form, refusal.errors(), null, null));
    }

    /** The names of the "Save draft" and "Check before posting" buttons of the writing forms. */
    static final String SAVE_DRAFT = "save-draft";
    static final String CHECK = "preview";
    private static final String NEW_HEADING = "Share your story, question or tip";
    private static final String EDIT_HEADING = "Edit your post";

    /** The form was sent and saved: the member's draft of it goes. */
    private PostDetail published(String formPath, PostDetail post) {
        drafts.published(viewer.get().id, formPath);
        return post;
    }

    /** A held post tells its author why; a published one is shown with a word that it is. */
    private static Response saved(PostDetail post, Saved saved) {
        if (post.status() == ContentStatus.PENDING_REVIEW) {
            return Response.ok(Templates.held("post", post.safetyNotices(), post.urgentCare(), post.redFlags(), "/")).build();
        }
        return Response.seeOther(URI.create("/posts/" + post.id() + "?saved=" + saved.name().toLowerCase())).build();
    }

    /** "Check before posting" without JavaScript: the form with the preview, within the one preview allowance. */
    private Response checkBeforePosting(String heading, String action, PostForm form,
            MultivaluedMap<String, String> fields) {
        return FormSubmission.submit("body", () -> {
            previews.acquire(viewer.get());
            Preview preview = preview(form, WritingHelp.ignored(fields));
            return Response.status(preview.status()).entity(form(heading, action, form, FieldErrors.NONE, null, preview))
                    .build();
        }, refusal -> form(heading, action, form, refusal.errors(), null, null));
    }

    /**
     * "Suggest tags" and the suggestions' own buttons without JavaScript: the form comes back with the accepted tag
     * set and the suggestions that are left. Nothing is screened or saved, so no allowance is used.
     */
    private Response suggestTags(String heading, String action, PostForm sent, MultivaluedMap<String, String> fields) {
        PostForm form = WritingHelp.accepted(fields).map(sent::with).orElse(sent);
        return Response.ok(form(heading, action, form, FieldErrors.NONE, null,
                Preview.suggestionsOnly(suggestions(form, WritingHelp.ignored(fields))))).build();
    }

    /**
     * The check of a comment, reply or comment edit so far (its live fragment and its "Check before posting"):
     * screened with its post's conditions, within the one preview allowance.
     */
    Preview checkComment(String body, PostDetail post) {
        previews.acquire(viewer.get());
        return COMMENT_SO_FAR.problem(body)
                .map(message -> new Preview("", ScreeningResult.CLEAN,
                        FieldErrors.of(List.of(new Problem.FieldError("body", message))), null, List.<RedFlagAdvice>of()))
                .orElseGet(() -> new Preview(markdown.toSafeHtml(body), screening.screen(body,
                        post.conditions().stream().map(Tag::slug).toList()), FieldErrors.NONE, null, post.redFlags()));
    }

    private WritingHelp.Suggestions suggestions(PostForm form, java.util.Set<String> ignored) {
        return writingHelp.suggest(form.title + "\n\n" + form.body, form.conditions, form.remedies.keySet(), ignored);
    }

    private Preview preview(PostForm form, java.util.Set<String> ignored) {
        List<Problem.FieldError> problems = new java.util.ArrayList<>();
        TITLE_SO_FAR.problem(form.title).ifPresent(message -> problems.add(new Problem.FieldError("title", message)));
        BODY_SO_FAR.problem(form.body).ifPresent(message -> problems.add(new Problem.FieldError("body", message)));
        if (!problems.isEmpty()) {
            return new Preview("", ScreeningResult.CLEAN, FieldErrors.of(problems), WritingHelp.Suggestions.NONE, List.of());
        }
        return new Preview(markdown.toSafeHtml(form.body), screening.screen(form.title + "\n\n" + form.body,
                new java.util.ArrayList<>(form.conditions)), FieldErrors.NONE, suggestions(form, ignored),
                RedFlagAdvice.of(catalog.conditions().stream().filter(c -> form.conditions.contains(c.slug)).toList()));
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
        if (fields.containsKey(CHECK) || WritingHelp.isHelpRequest(fields)) {
            posts.getForAuthor(id, viewer.get(), "edit");
            return fields.containsKey(CHECK) ? checkBeforePosting(EDIT_HEADING, action, form, fields)
                    : suggestTags(EDIT_HEADING, action, form, fields);
        }
        if (fields.containsKey(SAVE_DRAFT)) {
            posts.getForAuthor(id, viewer.get(), "edit");
            return saveDraft(EDIT_HEADING, action, action, form, fields);
        }
        return FormSubmission.submit("body",
                () -> saved(published(action, posts.edit(id, form.toRequest(), viewer.get())), Saved.EDIT), refusal -> {
            if (refusal.isConflict() && refusal.problem().current() instanceof PostDetail current) {
                // Keep what the member wrote, show what is there now, and let them save on top of it.
                PostForm kept = new PostForm(form.kind, form.title, form.body, form.conditions, form.remedies,
                        current.version());
                return form(EDIT_HEADING, action, kept, FieldErrors.NONE, current, null);
            }
            return form(EDIT_HEADING, action, form, refusal.errors(), null, null);
        });
    }

    @GET
    @Path("posts/{id}/delete")
    @RolesAllowed("member")
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        PostDetail post = posts.getForAuthor(id, viewer.get(), "delete");
        return Templates.confirm("Delete your post?", "Delete \"" + post.title()
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
        return Templates.history("History of \"" + post.title() + "\"", "/posts/" + id,
                Revision.changes(posts.revisions(id, viewer)));
    }

    private TemplateInstance form(String heading, String action, PostForm form, FieldErrors errors,
            PostDetail conflict, Preview preview) {
        return Templates.form(heading, action, form, errors, catalog.conditions(), catalog.remediesByCategory(),
                conflict, preview, null);
    }
}
