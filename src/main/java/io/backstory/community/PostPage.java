package io.backstory.community;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.backstory.accounts.CurrentMember;
import io.backstory.community.WritingCheck.Preview;
import io.backstory.drafts.Draft;
import io.backstory.drafts.DraftMenu;
import io.backstory.drafts.DraftSeal;
import io.backstory.following.FollowingService;
import io.backstory.moderation.ScreeningService;
import io.backstory.platform.cache.ReadCache;
import io.backstory.platform.web.FieldErrors;
import io.backstory.taxonomy.TaxonomyCatalog;
import io.backstory.voting.VoteService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The post page: the post, its comment thread as this reader sees it, and the comment form. {@link PostPages} shows
 * it to readers; {@link CommentPages} shows it again when a comment sent from it is refused or checked.
 */
@ApplicationScoped
public class PostPage {

    @CheckedTemplate(basePath = "PostPages")
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

        /** The parts of the page that vary between members who are not its author (see {@link MemberThread}). */
        static native TemplateInstance post$postPoints(PostDetail post);

        static native TemplateInstance post$seal(PostDetail post);
    }

    /** The layout's parts that vary between members, for the members' shared page. */
    @CheckedTemplate(basePath = "fragments")
    static class Fragments {
        static native TemplateInstance account();

        static native TemplateInstance csrf();
    }

    private final PostService posts;
    private final CommentService comments;
    private final TaxonomyCatalog catalog;
    private final CurrentMember viewer;
    private final VoteService votes;
    private final FollowingService following;
    private final ReadCache cache;
    private final DraftMenu drafts;
    private final DraftSeal draftSeal;

    public PostPage(PostService posts, CommentService comments, TaxonomyCatalog catalog, CurrentMember viewer,
            VoteService votes, FollowingService following, ReadCache cache, DraftMenu drafts, DraftSeal draftSeal) {
        this.posts = posts;
        this.comments = comments;
        this.catalog = catalog;
        this.viewer = viewer;
        this.votes = votes;
        this.following = following;
        this.cache = cache;
        this.drafts = drafts;
        this.draftSeal = draftSeal;
    }

    /**
     * Who is reading: their handle (null: anonymous) and the votes they cast here, to show pressed buttons. The
     * {@code shared} viewer is every member at once: the thread rendered for it marks what varies between members
     * (see {@link MemberThread}), and it is the author of nothing.
     */
    public record Viewer(String handle, int postVote, Map<Long, VoteService.Vote> commentVotes, boolean bookmarked,
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

        /** Marks where a part of the page around the thread starts (shared only): see {@link MemberThread.Varying}. */
        public RawString accountStart() {
            return pageMark(MemberThread.Varying.ACCOUNT);
        }

        public RawString formCodesStart() {
            return pageMark(MemberThread.Varying.FORM_CODES);
        }

        public RawString sealStart() {
            return pageMark(MemberThread.Varying.SEAL);
        }

        public RawString postVotesStart() {
            return pageMark(MemberThread.Varying.POST_VOTES);
        }

        public RawString postPointsStart() {
            return pageMark(MemberThread.Varying.POST_POINTS);
        }

        public RawString postScoreStart() {
            return pageMark(MemberThread.Varying.POST_SCORE);
        }

        public RawString bookmarkStart() {
            return pageMark(MemberThread.Varying.BOOKMARK);
        }

        private RawString pageMark(MemberThread.Varying part) {
            return shared ? part.start() : NOTHING;
        }

        /** Between two variants of a marked part (shared only). */
        public RawString nextVariant() {
            return shared ? MemberThread.next() : NOTHING;
        }

        /** Where a marked part ends (shared only). */
        public RawString end() {
            return shared ? MemberThread.end() : NOTHING;
        }

        /** The post's vote buttons to render: as this viewer voted, or (shared) each way a member can have. */
        public List<Integer> postVoteVariants() {
            return shared ? SHARED_VOTE_VARIANTS : List.of(postVote);
        }

        /** The bookmark button to render: as this viewer has it, or (shared) both ways. */
        public List<Boolean> bookmarkVariants() {
            return shared ? SHARED_BOOKMARK_VARIANTS : List.of(bookmarked);
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
            VoteService.Vote vote = commentVotes.get(commentId);
            return vote == null ? 0 : vote.value();
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

    private static final Viewer ANONYMOUS = new Viewer(null, 0, Map.of(), false, 0, false);
    private static final Viewer EVERY_MEMBER = new Viewer(null, 0, Map.of(), false, 0, true);
    /** In the order {@link MemberThread} picks them: no vote, up, down. */
    private static final List<Integer> SHARED_VOTE_VARIANTS = List.of(0, 1, -1);
    /** In the order {@link MemberThread} picks them: not bookmarked, bookmarked. */
    private static final List<Boolean> SHARED_BOOKMARK_VARIANTS = List.of(false, true);

    private record SharedPost(long id) {
    }

    private record SharedThread(long postId, CommentTree.Sort sort) {
    }

    private record SharedMemberThread(long postId, CommentTree.Sort sort) {
    }

    private record SharedMemberPage(long postId, CommentTree.Sort sort) {
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
     * A rendered post page: as text (a visitor's, which {@code platform/web/VisitorPages} may keep whole), or as the
     * bytes sent (a member's, with the shared parts spliced in: see {@link SharedPart}).
     */
    record Rendered(String text, Buffer bytes) {

        Object entity() {
            return text != null ? text : bytes;
        }
    }

    /**
     * The post page as this reader sees it; {@code saved} confirms to its author what they just did. Rendered here, so
     * that a caller's transaction holds every read of the page, the header's included. A member's view is sent as
     * bytes: the members' shared page (or, for the post's author and a member with a draft here, the shared thread) is
     * kept encoded, and only the member's own parts (or the page around the thread) are rendered.
     */
    Rendered render(long id, String sort, String saved) {
        CommentTree.Sort order = CommentTree.Sort.fromParameter(sort);
        if (!viewer.isLoggedIn()) {
            // Logged-out readers all see the same page: the post and its rendered thread are shared read models.
            PostDetail post = cache.get(new SharedPost(id), () -> posts.get(id));
            String thread = cache.get(new SharedThread(id, order), () -> {
                List<CommentNode> nodes = comments.thread(id, order);
                return Templates.post$thread(post, CommentTree.layout(nodes), accepted(post, nodes), order, ANONYMOUS).render();
            });
            return new Rendered(Templates.post(post, List.of(), null, order, null, ANONYMOUS, null,
                    CommentForm.empty(null), FieldErrors.NONE, thread, null, null, null).render(), null);
        }
        long memberId = viewer.id();
        // The post as everyone sees it (shared, as for visitors); its tallies as of now come with the member's vote.
        PostDetail sharedPost = cache.get(new SharedPost(id), () -> posts.get(id));
        String handle = viewer.getHandle();
        boolean author = handle != null && handle.equals(sharedPost.author());
        Saved confirmed = author ? Saved.fromParameter(saved) : null;
        // With the account menu's draft count: one statement for both.
        Draft draft = drafts.find(memberId, "/posts/" + id).orElse(null);
        CommentForm reply = draft == null ? CommentForm.empty(null) : CommentForm.from(draft.asForm());
        if (comments.hasWaiting(id, memberId)) {
            // Their own comments waiting for a moderator's check are in no shared render: their thread is their own.
            return new Rendered(postPage(sharedPost, comments.thread(id, order, memberId), order, null, reply,
                    FieldErrors.NONE, draft, confirmed).render(), null);
        }
        // Most readers share the whole page; the post's author and a member with a draft here, the thread.
        boolean wholePage = draft == null && !author;
        Timed shared = wholePage ? cache.get(new SharedMemberPage(id, order), () -> timed(() -> membersPage(sharedPost, order)))
                : cache.get(new SharedMemberThread(id, order), () -> timed(() -> {
                    List<CommentNode> nodes = comments.thread(id, order);
                    List<CommentTree.Item> items = CommentTree.layout(nodes);
                    return MemberThread.parse(Templates.post$thread(sharedPost, items, accepted(sharedPost, nodes), order,
                            EVERY_MEMBER).render(), items);
                }));
        VoteService.VotesOnPost voted = votes.onPost(memberId, id, shared.renderedAt());
        VoteService.Vote postVote = voted.post();
        PostDetail post = sharedPost.withTallies(postVote.upvotes(), postVote.downvotes());
        Viewer reader = new Viewer(handle, postVote.value(), voted.comments(), following.isBookmarked(memberId, id), 0,
                false);
        Function<CommentTree.Item, String> ownComment = item -> Templates.post$comment(item, post, reader).render();
        Function<Integer, String> points = score -> Templates.post$points(score).render();
        if (wholePage) {
            return new Rendered(null, SharedPart.join(shared.render().render(new MemberThread.Overlay(handle, false,
                    voted.comments(), ownComment, points, part -> pagePart(part, post), part -> pageChoice(part, reader)))));
        }
        List<byte[]> thread = shared.render().render(new MemberThread.Overlay(handle, author, voted.comments(),
                ownComment, points, part -> {
                    throw new IllegalStateException("the thread alone has no page parts");
                }, part -> {
                    throw new IllegalStateException("the thread alone has no page parts");
                }));
        // The comment form's remedy list comes when asked for, unless the member's draft has remedies chosen in it.
        String page = Templates.post(post, List.of(), null, order, null, reader,
                reply.remedies.isEmpty() ? null : catalog.remediesByCategory(), reply,
                FieldErrors.NONE, SharedPart.SLOT, draft, confirmed, null).render();
        return new Rendered(null, SharedPart.splice(page, thread));
    }

    /**
     * A members' render and when it was made, before its thread was read: a view lays over it the points that changed
     * since (see {@link VoteService#onPost}).
     */
    private record Timed(MemberThread render, Instant renderedAt) implements ReadCache.Weighed {

        @Override
        public int weight() {
            return render.weight();
        }
    }

    private static Timed timed(Supplier<MemberThread> render) {
        Instant started = Instant.now();
        return new Timed(render.get(), started);
    }

    /**
     * The page as every member who did not write the post sees it before their own state is laid over it. Rendered on
     * one member's request: their CSRF fields and seal must have gone into marked parts only, which is checked here.
     */
    private MemberThread membersPage(PostDetail post, CommentTree.Sort order) {
        List<CommentNode> nodes = comments.thread(post.id(), order);
        List<CommentTree.Item> items = CommentTree.layout(nodes);
        MemberThread page = MemberThread.parse(Templates.post(post, items, accepted(post, nodes), order, null,
                EVERY_MEMBER, null, CommentForm.empty(null), FieldErrors.NONE, null, null, null, null).render(), items);
        if (page.shares(Fragments.csrf().render()) || page.shares(draftSeal.getValue())) {
            throw new IllegalStateException("the members' page of post " + post.id() + " holds one member's form codes");
        }
        return page;
    }

    /** One of the page's parts rendered for this member (see {@link MemberThread.Varying#pageLevel}). */
    private static String pagePart(MemberThread.Varying part, PostDetail post) {
        return switch (part) {
            case ACCOUNT -> Fragments.account().render();
            case FORM_CODES -> Fragments.csrf().render();
            case SEAL -> Templates.post$seal(post).render();
            case POST_POINTS -> Templates.post$postPoints(post).render();
            case POST_SCORE -> String.valueOf(post.score());
            default -> throw new IllegalStateException("not a rendered part of the page: " + part);
        };
    }

    /** Which variant of one of the page's parts this member gets, in the order of the shared render's variants. */
    private static int pageChoice(MemberThread.Varying part, Viewer reader) {
        return switch (part) {
            case POST_VOTES -> SHARED_VOTE_VARIANTS.indexOf(reader.postVote());
            case BOOKMARK -> SHARED_BOOKMARK_VARIANTS.indexOf(reader.bookmarked());
            default -> throw new IllegalStateException("not a chosen part of the page: " + part);
        };
    }

    /** The post page with one thread of its comments: the comment and its replies. */
    TemplateInstance thread(long id, long commentId, String sort) {
        CommentTree.Sort order = CommentTree.Sort.fromParameter(sort);
        return postPage(posts.get(id), comments.subtree(id, commentId, order, viewer.isLoggedIn() ? viewer.id() : null),
                order, commentId, CommentForm.empty(null), FieldErrors.NONE, null, null);
    }

    /**
     * The post page with its comment form as the member sent it: with what is wrong, or the check before posting.
     */
    TemplateInstance withCommentForm(long postId, CommentForm reply, FieldErrors errors, Preview check) {
        return postPage(posts.get(postId), comments.thread(postId, CommentTree.Sort.BEST, viewer.id()),
                CommentTree.Sort.BEST, null, reply, errors, null, null, check);
    }

    private TemplateInstance postPage(PostDetail post, List<CommentNode> thread, CommentTree.Sort sort, Long threadOf,
            CommentForm reply, FieldErrors errors, Draft draft, Saved saved) {
        return postPage(post, thread, sort, threadOf, reply, errors, draft, saved, null);
    }

    private TemplateInstance postPage(PostDetail post, List<CommentNode> thread, CommentTree.Sort sort, Long threadOf,
            CommentForm reply, FieldErrors errors, Draft draft, Saved saved, Preview check) {
        // The thread is read now: the member's votes are all that is needed of the votes on its comments.
        VoteService.VotesOnPost voted = viewer.isLoggedIn() ? votes.onPost(viewer.id(), post.id(), Instant.now()) : null;
        Viewer reader = viewer.isLoggedIn()
                ? new Viewer(viewer.getHandle(), voted.post().value(), voted.comments(),
                        following.isBookmarked(viewer.id(), post.id()), waiting(thread), false)
                : ANONYMOUS;
        PostDetail shown = voted == null ? post : post.withTallies(voted.post().upvotes(), voted.post().downvotes());
        return Templates.post(shown, CommentTree.layout(thread), accepted(post, thread), sort, threadOf, reader,
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
}
