package io.backstory.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.backstory.accounts.Member;
import io.backstory.community.Comment;
import io.backstory.community.Post;
import io.backstory.community.RemedyOutcome;
import io.backstory.taxonomy.Condition;
import io.backstory.taxonomy.Remedy;
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
    private static final String RESOURCE = "demo/demo-content.json";
    /** Dev OIDC users whose demo profiles they log into; everyone else is a demo-only member. */
    private static final List<String> LOGIN_USERS = List.of("alice", "bob", "admin");

    private final ObjectMapper json;
    private final EntityManager em;

    DemoContentLoader(ObjectMapper json, EntityManager em) {
        this.json = json;
        this.em = em;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (Post.count() > 0) {
            return;
        }
        DemoContent content = read();
        Random random = new Random(2026);
        Map<String, Member> members = createMembers(content.members());
        List<Post> posts = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        Instant start = Instant.now().minus(Duration.ofDays(content.posts().size() * 2L));
        for (int i = 0; i < content.posts().size(); i++) {
            DemoContent.DemoPost demo = content.posts().get(i);
            Post post = createPost(demo, members, start.plus(Duration.ofHours(i * 47L + random.nextInt(12))));
            posts.add(post);
            for (DemoContent.DemoComment comment : demo.comments()) {
                createThread(comment, post, null, members, random, comments);
            }
        }
        em.flush();
        List<Member> voters = new ArrayList<>(members.values());
        for (Post post : posts) {
            castVotes("post_vote", "post_id", post.id, post.author, voters, random, 22);
        }
        for (Comment comment : comments) {
            castVotes("comment_vote", "comment_id", comment.id, comment.author, voters, random, 9);
        }
        recountTallies();
        LOG.infof("Loaded demo content: %d members, %d posts, %d comments", members.size(), posts.size(), comments.size());
    }

    private DemoContent read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return json.readValue(in, DemoContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    private Map<String, Member> createMembers(List<String> handles) {
        Map<String, Member> members = new HashMap<>();
        for (String handle : handles) {
            Member member = new Member();
            member.handle = handle;
            member.oidcSubject = LOGIN_USERS.contains(handle) ? handle : "demo:" + handle;
            member.trustLevel = 1;
            member.createdAt = Instant.now().minus(Duration.ofDays(120));
            member.persist();
            members.put(handle, member);
        }
        return members;
    }

    private Post createPost(DemoContent.DemoPost demo, Map<String, Member> members, Instant createdAt) {
        Post post = new Post();
        post.kind = demo.kind();
        post.title = demo.title();
        post.bodyMarkdown = demo.body();
        post.author = member(members, demo.author());
        post.createdAt = createdAt;
        for (String slug : demo.conditions()) {
            post.conditions.add(require(Condition.findBySlug(slug), "condition", slug));
        }
        demo.remedies().forEach((slug, outcome) -> post.remedies.add(
                new RemedyOutcome(require(Remedy.findBySlug(slug), "remedy", slug), outcome)));
        post.persist();
        return post;
    }

    private void createThread(DemoContent.DemoComment demo, Post post, Comment parent, Map<String, Member> members,
            Random random, List<Comment> created) {
        Comment comment = new Comment();
        comment.post = post;
        comment.parent = parent;
        comment.author = member(members, demo.author());
        comment.bodyMarkdown = demo.body();
        Instant after = parent == null ? post.createdAt : parent.createdAt;
        comment.createdAt = after.plus(Duration.ofMinutes(20 + random.nextInt(600)));
        if (demo.remedies() != null) {
            for (String slug : demo.remedies()) {
                comment.remedies.add(require(Remedy.findBySlug(slug), "remedy", slug));
            }
        }
        comment.persist();
        created.add(comment);
        if (demo.replies() != null) {
            for (DemoContent.DemoComment reply : demo.replies()) {
                createThread(reply, post, comment, members, random, created);
            }
        }
    }

    /** A random crowd of other members votes, mostly up: demo data for rankings, not a model of real voting. */
    private void castVotes(String table, String targetColumn, long targetId, Member author, List<Member> voters,
            Random random, int maxVoters) {
        List<Member> crowd = new ArrayList<>(voters);
        crowd.remove(author);
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

    private void recountTallies() {
        em.createNativeQuery("""
                update post p set
                  upvotes = (select count(*) from post_vote v where v.post_id = p.id and v.value = 1),
                  downvotes = (select count(*) from post_vote v where v.post_id = p.id and v.value = -1),
                  comment_count = (select count(*) from comment c where c.post_id = p.id)""").executeUpdate();
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
