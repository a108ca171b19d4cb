package io.backstory.mail;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.backstory.platform.TestUsers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * The daily digest: the best new tips and stories of the day in the conditions the member follows, ranked by Best as
 * on the site, only what is public when it is sent (a held post, and a post held after it was published, are in no
 * mail), nothing from conditions not followed, no questions, nothing of the member's own; queued once per member and
 * day however often (and on however many instances) the check runs.
 */
@QuarkusTest
class MailDigestTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();
    private final String admin = TestUsers.newAdmin();
    private final String letterbox = TestUsers.newMember();

    @Inject
    MailDigests digests;
    @Inject
    DataSource dataSource;

    @Test
    void theDigestHoldsOnlyPublishedTipsAndStoriesFromFollowedConditionsRanked() throws Exception {
        Mailbox box = Mailbox.confirmed(letterbox, MailFrequency.DAILY);
        box.choose(Map.of(MailTopic.REPLIES, MailFrequency.DAILY, MailTopic.ACCEPTED_ANSWERS, MailFrequency.NEVER,
                MailTopic.MODERATION, MailFrequency.AT_ONCE, MailTopic.NEW_POSTS, MailFrequency.DAILY,
                MailTopic.MENTIONS, MailFrequency.NEVER));
        as(box.user).when().put("/api/v1/conditions/ankylosing-spondylitis/follow").then().statusCode(204);
        String tag = "Digest probe " + System.nanoTime();
        try {
            long top = Mailbox.post(bob, "TIP", tag + " top tip", "Morning stretches before getting up.", "ankylosing-spondylitis");
            long middle = Mailbox.post(bob, "STORY", tag + " middle story", "Two years with it, and swimming.", "ankylosing-spondylitis");
            long bottom = Mailbox.post(bob, "TIP", tag + " bottom tip", "A firm mattress.", "ankylosing-spondylitis");
            vote(top, alice, admin, carol);
            vote(middle, alice, admin);
            vote(bottom);
            String heldTitle = tag + " held tip";
            Mailbox.post(bob, "TIP", heldTitle, "Just take double the ibuprofen.", "ankylosing-spondylitis");
            long laterHeld = Mailbox.post(bob, "TIP", tag + " held after publishing", "Walk every hour.", "ankylosing-spondylitis");
            int version = as(bob).when().get("/api/v1/posts/" + laterHeld).then().extract().path("version");
            as(bob).contentType(ContentType.JSON).body(Map.of("kind", "TIP", "title", tag + " held after publishing",
                    "body", "Walk every hour. Just take double the ibuprofen.", "conditions", List.of("ankylosing-spondylitis"),
                    "version", version)).when().put("/api/v1/posts/" + laterHeld).then().statusCode(200);
            Mailbox.post(bob, "QUESTION", tag + " question", "Does swimming help?", "ankylosing-spondylitis");
            Mailbox.post(bob, "TIP", tag + " unfollowed tip", "Heat helps.", "fibromyalgia");
            Mailbox.post(box.user, "TIP", tag + " own tip", "My own words.", "ankylosing-spondylitis");
            long own = Mailbox.post(box.user, "QUESTION", tag + " own question", "Anyone?", "sciatica");
            Mailbox.comment(bob, own, "A reply gathered in the digest.");

            // Today's digest is due once today ends; the check may run any number of times, on any instance.
            Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
            digests.queueDigests(tomorrow);
            digests.queueDigests(tomorrow);
            Mailbox.Received digest = box.awaitOne(m -> m.subject().equals("Your daily Backstory digest"));

            List<Long> listed = postIds(digest.text());
            assertTrue(listed.indexOf(top) >= 0 && listed.indexOf(top) < listed.indexOf(middle)
                    && listed.indexOf(middle) < listed.indexOf(bottom), "ranked by Best: " + listed);
            assertFalse(digest.text().contains(heldTitle) || digest.html().contains(heldTitle), "a held post is in no mail");
            assertFalse(listed.contains(laterHeld), "nor one held after it was published");
            for (String absent : List.of(" question ", " unfollowed tip", " own tip", "held after publishing")) {
                assertFalse(digest.text().contains(tag + absent) || digest.html().contains(tag + absent), absent + " is not in it");
            }
            assertTrue(digest.text().contains("replied to your post on \"" + tag + " own question\""),
                    "the replies chosen daily are gathered in it: " + digest.text());
            assertEquals(listed.size(), postIds(digest.html()).size(), "both parts list the same posts");
            assertTrue(digest.listUnsubscribe().contains("what=DAILY"), digest.listUnsubscribe());
            // Whatever else the run wrote today: every listed post is public, a tip or story, followed, and in Best order.
            assertEquals(listed, checkedAgainstTheDatabase(listed, box.user));
            assertEquals(0, box.received(m -> m.subject().contains("replied to you")).size(), "replies came in the digest only");

            digests.queueDigests(tomorrow);
            Mailbox.sleep(Duration.ofSeconds(2));
            assertEquals(1, box.received(m -> m.subject().equals("Your daily Backstory digest")).size(), "one digest a day");
        } finally {
            as(box.user).when().delete("/api/v1/conditions/ankylosing-spondylitis/follow").then().statusCode(204);
        }
    }

    private static void vote(long post, String... voters) {
        for (String voter : voters) {
            as(voter).contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/posts/" + post + "/vote")
                    .then().statusCode(200);
        }
    }

    private static List<Long> postIds(String text) {
        List<Long> ids = new ArrayList<>();
        Matcher link = Pattern.compile("/posts/(\\d+)(?![\\d#])").matcher(text);
        while (link.find()) {
            long id = Long.parseLong(link.group(1));
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The listed posts that the database says belong in this member's digest, in Best order. */
    private List<Long> checkedAgainstTheDatabase(List<Long> listed, String login) throws Exception {
        List<Long> valid = new ArrayList<>();
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement("""
                select p.id from post p where p.id = any(?) and p.status = 'PUBLISHED' and not p.deleted
                  and p.kind in ('TIP', 'STORY')
                  and exists (select 1 from post_condition pc join condition_follow f on f.condition_id = pc.condition_id
                              join member m on m.id = f.member_id where pc.post_id = p.id and m.oidc_subject = ?)
                order by p.best_rank desc, p.id desc""")) {
            statement.setArray(1, connection.createArrayOf("bigint", listed.toArray()));
            statement.setString(2, login);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    valid.add(rows.getLong(1));
                }
            }
        }
        return valid;
    }
}
