package io.backstory.platform.web;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.ProductionLike;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * With a configured public address (as production requires), a request's Host header reaches no link (issue 16,
 * finding 9): canonical and Open Graph addresses, feed links, redirects, the login's redirect_uri, and the origin a
 * form must come from all name the configured address.
 */
@QuarkusTest
@TestProfile(ProductionLike.class)
class PublicAddressTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();

    static final String PUBLIC = ProductionLike.PUBLIC_URL;
    static final String EVIL = "evil.example";

    @Test
    void canonicalAndOpenGraphAddressesIgnoreTheHostHeader() {
        Document page = PageForms.html(given().header("Host", EVIL).when().get("/conditions/sciatica?sort=new"));
        assertEquals(PUBLIC + "/conditions/sciatica", page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(PUBLIC + "/conditions/sciatica", page.selectFirst("meta[property=og:url]").attr("content"));
    }

    @Test
    void feedLinksIgnoreTheHostHeader() {
        long post = post();
        for (String feed : new String[] {"/feeds/site.atom", "/conditions/sciatica/feed.atom"}) {
            given().header("Host", EVIL).when().get(feed).then().statusCode(200)
                    .body(containsString("href=\"" + PUBLIC + "/posts/" + post + "\""))
                    .body(containsString("rel=\"self\" href=\"" + PUBLIC + feed + "\""))
                    .body(not(containsString(EVIL)));
        }
    }

    @Test
    void theLoginsRedirectUriIgnoresTheHostHeader() {
        Response challenge = given().header("Host", EVIL).redirects().follow(false).when().get("/login/start");
        String location = challenge.getHeader("Location");
        assertEquals(302, challenge.statusCode(), challenge.asString());
        assertTrue(location.contains("redirect_uri=" + java.net.URLEncoder.encode(PUBLIC + "/login/start",
                java.nio.charset.StandardCharsets.UTF_8)), location);
        assertTrue(!location.contains(EVIL), location);
    }

    @Test
    void aFormsRedirectIgnoresTheHostHeaderAndItsOriginMustBeThePublicOne() {
        long post = post();
        String action = "/posts/" + post + "/bookmark";
        PageForms.Csrf csrf = PageForms.csrf(carol, "/posts/" + post, action);
        // The origin the Host header names is not the site's: refused.
        Response forged = csrf.applyTo(as(carol)).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("save", "true").header("Host", EVIL).header("Origin", "http://" + EVIL).when().post(action);
        assertEquals(403, forged.statusCode(), forged.asString());
        Response sent = csrf.applyTo(as(carol)).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("save", "true").header("Host", EVIL).header("Origin", PUBLIC).when().post(action);
        assertEquals(303, sent.statusCode(), sent.asString());
        assertEquals(PUBLIC + "/posts/" + post, sent.getHeader("Location"));
    }

    private long post() {
        return ((Number) as(bob).contentType(ContentType.JSON).body("""
                {"kind": "TIP", "title": "Heat before the morning walk", "body": "Ten minutes.", "conditions": ["sciatica"]}""")
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
    }
}
