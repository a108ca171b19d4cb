package io.backstory.community;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.backstory.platform.TestUsers;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PostPublishingTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String bob = TestUsers.newMember();

    @Test
    void aStoryWithTwoConditionsAndThreeOutcomesIsVisibleEverywhereToAnonymousReaders() {
        long id = Posts.story(bob, "Suitcase spasm: heat and walking got me through");

        Document home = page("/");
        assertFalse(home.select("a[href=/posts/" + id + "]").isEmpty(), "listed on the home page");
        for (String condition : new String[] {"muscle-spasm", "chronic-low-back-pain"}) {
            Document conditionPage = page("/conditions/" + condition);
            assertFalse(conditionPage.select("a[href=/posts/" + id + "]").isEmpty(), "listed on " + condition);
        }
        Document remedyPage = page("/remedies/short-rest");
        Element listed = remedyPage.selectFirst("a[href=/posts/" + id + "]").parent();
        assertEquals("Made it worse", listed.selectFirst(".outcome").text(), "the remedy page shows the outcome");

        Document post = page("/posts/" + id);
        assertEquals("Suitcase spasm: heat and walking got me through", post.selectFirst("h1").text());
        assertEquals("Heat", post.selectFirst(".post .body strong").text(), "Markdown rendered");
        assertEquals(3, post.select(".outcomes li").size());
        assertTrue(post.select(".outcomes li").get(0).text().startsWith("Heat: Helped"));
        assertTrue(post.select(".outcomes li").get(2).text().startsWith("Short rest: Made it worse"));
        assertEquals(2, post.select("ul.tags[aria-label=Conditions] li").size());
    }

    @Test
    void conditionPagesFilterByKindAndPageWithAStableCursor() {
        long tip = Posts.create(bob, Posts.STORY.replace("\"STORY\"", "\"TIP\"")
                .replace("Threw my back out lifting a suitcase", "Tip: heat before stretching, not after")
                .replace("\"muscle-spasm\", ", ""));
        Document tips = page("/conditions/chronic-low-back-pain?kind=tip");
        assertFalse(tips.select("a[href=/posts/" + tip + "]").isEmpty());
        assertEquals(tips.select(".post-summary").size(), tips.select(".post-summary .kind-tip").size(), "only tips");
        given().when().get("/conditions/chronic-low-back-pain?kind=poem").then().statusCode(400);
        given().when().get("/conditions/no-such-thing").then().statusCode(404);
    }

    private static Document page(String path) {
        return Jsoup.parse(given().when().get(path).then().statusCode(200).extract().asString());
    }
}
