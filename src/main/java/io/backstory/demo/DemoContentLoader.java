package io.backstory.demo;

import io.backstory.platform.content.PostKind;
import io.backstory.moderation.ReviewItemStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jboss.logging.Logger;

import io.backstory.accounts.HandleSkeleton;
import io.backstory.accounts.Member;
import io.backstory.accounts.MemberStanding;
import io.backstory.community.CommentRequest;
import io.backstory.community.Comment;
import io.backstory.community.CommentDetail;
import io.backstory.community.CommentService;
import io.backstory.platform.content.ContentStatus;
import io.backstory.community.Post;
import io.backstory.community.PostDetail;
import io.backstory.community.PostRequest;
import io.backstory.community.PostService;
import io.backstory.moderation.ReviewAction;
import io.backstory.moderation.Decision;
import io.backstory.moderation.ReviewDecisions;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Fills an empty dev database with the demo community on first start. Built only into dev mode
 * ({@link IfBuildProfile}), so neither tests nor production packages contain it. Votes are drawn from a
 * fixed seed, so every fresh dev database looks the same.
 */
@IfBuildProfile("dev")
@ApplicationScoped
class DemoContentLoader {

    private static final Logger LOG = Logger.getLogger(DemoContentLoader.class);
    /** Dev OIDC users whose demo profiles they log into; everyone else is a demo-only member. */
    private static final List<String> LOGIN_USERS = List.of("alice", "bob", "admin");

    private final EntityManager em;
    private final PostService posts;
    private final CommentService comments;
    private final MemberStanding standing;
    private final ReviewDecisions reviews;
    private int falseHolds;

    DemoContentLoader(EntityManager em, PostService posts, CommentService comments,
            MemberStanding standing, ReviewDecisions reviews) {
        this.em = em;
        this.posts = posts;
        this.comments = comments;
        this.standing = standing;
        this.reviews = reviews;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (Post.count() > 0) {
            return;
        }
        DemoContent content = DemoContent.load();
        Random random = new Random(2026);
        Map<String, Member> members = createMembers(content.members());
        List<Long> postIds = new ArrayList<>();
        List<Long> commentIds = new ArrayList<>();
        Instant start = Instant.now().minus(Duration.ofDays(content.posts().size() * 2L));
        for (int i = 0; i < content.posts().size(); i++) {
            DemoContent.DemoPost demo = content.posts().get(i);
            Instant createdAt = start.plus(Duration.ofHours(i * 47L + random.nextInt(12)));
            PostDetail post = posts.create(new PostRequest(demo.kind(), demo.title(), demo.body(), demo.conditions(),
                    demo.remedies().entrySet().stream().map(e -> new PostRequest.RemedyTag(e.getKey(), e.getValue())).toList(),
                    null), member(members, demo.author()));
            long postId = post.id();
            if (post.status() == ContentStatus.PENDING_REVIEW) {
                approveFalseHold("post_id", postId, members.get("alice"));
            }
            backdate("post", postId, createdAt);
            postIds.add(postId);
            for (DemoContent.DemoComment comment : demo.comments()) {
                createThread(comment, postId, null, createdAt, members, random, commentIds);
            }
        }
        List<Member> voters = new ArrayList<>(members.values());
        for (long postId : postIds) {
            castVotes("post_vote", "post_id", postId, authorOf("post", postId), voters, random, 22);
        }
        for (long commentId : commentIds) {
            castVotes("comment_vote", "comment_id", commentId, authorOf("comment", commentId), voters, random, 9);
        }
        recountVotes();
        members.values().forEach(m -> standing.recountHelped(m.id));
        acceptBestAnswers();
        LOG.infof("Loaded demo content: %d members, %d posts, %d comments (%d held by screening, approved as alice)",
                members.size(), postIds.size(), commentIds.size(), falseHolds);
    }

    private Map<String, Member> createMembers(List<String> handles) {
        Map<String, Member> members = new HashMap<>();
        for (String handle : handles) {
            Member member = new Member();
            member.handle = handle;
            member.handleSkeleton = HandleSkeleton.of(handle);
            member.oidcSubject = LOGIN_USERS.contains(handle) ? handle : "demo:" + handle;
            member.trustLevel = 1;
            member.handleChosen = true;
            member.createdAt = Instant.now().minus(Duration.ofDays(120));
            member.persist();
            members.put(handle, member);
        }
        return members;
    }

    private void createThread(DemoContent.DemoComment demo, long postId, Long parentId, Instant after,
            Map<String, Member> members, Random random, List<Long> created) {
        CommentDetail comment = comments.create(postId, new CommentRequest(demo.body(), parentId, demo.remedies(), null),
                member(members, demo.author()));
        long id = comment.id();
        if (comment.status() == ContentStatus.PENDING_REVIEW) {
            approveFalseHold("comment_id", id, members.get("alice"));
        }
        Instant createdAt = after.plus(Duration.ofMinutes(20 + random.nextInt(600)));
        backdate("comment", id, createdAt);
        created.add(id);
        if (demo.replies() != null) {
            for (DemoContent.DemoComment reply : demo.replies()) {
                createThread(reply, postId, id, createdAt, members, random, created);
            }
        }
    }

    /**
     * The screening rules hold a few sentences of ordinary stories (see DemoContentScreeningTest). A moderator would
     * approve them from the queue; the demo does the same, so its threads load whole and the audit log shows why.
     */
    private void approveFalseHold(String column, long id, Member moderator) {
        long item = ((Number) em.createNativeQuery("select id from review_item where " + column
                + " = ?1 and status = ?2").setParameter(1, id).setParameter(2, ReviewItemStatus.OPEN.name())
                .getSingleResult()).longValue();
        reviews.decide(new Decision(item, ReviewAction.APPROVE, 0, "Ordinary experience, held by a rule by mistake.", false, 0),
                moderator);
        // The approval changed the row in SQL; the entity this transaction already holds must see it before replies.
        em.refresh(column.equals("post_id") ? Post.findById(id) : Comment.findById(id));
        falseHolds++;
    }

    /** Spreads the demo over past weeks, so lists and relative dates look lived-in. */
    private void backdate(String table, long id, Instant createdAt) {
        em.createNativeQuery("update " + table + " set created_at = ?1 where id = ?2")
                .setParameter(1, createdAt).setParameter(2, id).executeUpdate();
        em.createNativeQuery("update " + table + "_revision set created_at = ?1 where " + table + "_id = ?2")
                .setParameter(1, createdAt).setParameter(2, id).executeUpdate();
    }

    private long authorOf(String table, long id) {
        return ((Number) em.createNativeQuery("select author_id from " + table + " where id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    /** A random crowd of other members votes, mostly up: demo data for rankings, not a model of real voting. */
    private void castVotes(String table, String targetColumn, long targetId, long authorId, List<Member> voters,
            Random random, int maxVoters) {
        List<Member> crowd = new ArrayList<>(voters);
        crowd.removeIf(m -> m.id == authorId);
        Collections.shuffle(crowd, random);
        int count = random.nextInt(Math.min(maxVoters, crowd.size()) + 1);
        for (Member voter : crowd.subList(0, count)) {
            em.createNativeQuery("insert into " + table + " (" + targetColumn + ", member_id, value) values (?1, ?2, ?3)")
                    .setParameter(1, targetId)
                    .setParameter(2, voter.id)
                    .setParameter(3, random.nextDouble() < 0.85 ? 1 : -1)
                    .executeUpdate();
        }
    }

    /** Each demo question's asker accepts the best-voted top-level reply from someone else. */
    private void acceptBestAnswers() {
        em.createNativeQuery("""
                update post p set accepted_comment_id = (
                  select c.id from comment c
                  where c.post_id = p.id and c.parent_id is null and c.author_id <> p.author_id
                  order by c.upvotes - c.downvotes desc, c.id limit 1)
                where p.kind = ?1""").setParameter(1, PostKind.QUESTION.name()).executeUpdate();
    }

    private void recountVotes() {
        em.createNativeQuery("""
                update post p set
                  upvotes = (select count(*) from post_vote v where v.post_id = p.id and v.value = 1),
                  downvotes = (select count(*) from post_vote v where v.post_id = p.id and v.value = -1)""")
                .executeUpdate();
        em.createNativeQuery("""
                update comment c set
                  upvotes = (select count(*) from comment_vote v where v.comment_id = c.id and v.value = 1),
                  downvotes = (select count(*) from comment_vote v where v.comment_id = c.id and v.value = -1)""")
                .executeUpdate();
    }

    private static Member member(Map<String, Member> members, String handle) {
        return require(members.get(handle), "member", handle);
    }

    private static <T> T require(T value, String kind, String key) {
        if (value == null) {
            throw new IllegalStateException("Demo content names an unknown " + kind + ": " + key);
        }
        return value;
    }
}
