package io.backstory.accounts;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.ProductionLike;
import io.backstory.platform.StatementCounter;
import io.backstory.platform.TestUsers;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * A member's id and handle are read once per content generation, not on every page (with the cache on, as in
 * production); a new handle shows at once, as renaming moves the generation.
 */
@QuarkusTest
@TestProfile(ProductionLike.class)
class KnownMemberTest {

    @Inject
    @PersistenceUnitExtension
    StatementCounter statements;

    private final String member = TestUsers.newMember();

    @Test
    void aRepeatedPageDoesNotLookTheMemberUpAgainAndANewHandleShowsAtOnce() {
        long post = ((Number) as(member).contentType(ContentType.JSON).body("""
                {"kind": "TIP", "title": "Known member %d", "body": "Short walks every hour helped me.",
                 "conditions": ["fibromyalgia"]}""".formatted(System.nanoTime())).when().post("/api/v1/posts")
                .then().statusCode(201).extract().path("id")).longValue();
        String path = "/posts/" + post;
        String handle = as(member).when().get("/api/v1/me").then().statusCode(200).extract().path("handle");
        assertEquals(handle, page(path).selectFirst("a.handle").text());

        List<String> sent = statements.sentDuring(() -> page(path));
        assertFalse(sent.isEmpty(), "the page reads its member's votes and counts");
        assertTrue(sent.stream().noneMatch(sql -> sql.contains("oidc_subject")), "the member was looked up again: " + sent);

        String renamed = "known" + Long.toString(System.nanoTime(), 36);
        as(member).contentType(ContentType.JSON).body("{\"handle\": \"" + renamed + "\"}").when().put("/api/v1/me/handle")
                .then().statusCode(200);
        Document after = page(path);
        assertEquals(renamed, after.selectFirst("a.handle").text());
        assertNotNull(after.selectFirst("a[href=/posts/" + post + "/edit]"), "still the author of their post");
    }

    private Document page(String path) {
        return PageForms.html(as(member).when().get(path).then().statusCode(200).extract().response());
    }
}
