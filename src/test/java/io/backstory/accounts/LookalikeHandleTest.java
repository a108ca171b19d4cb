package io.backstory.accounts;

import static io.backstory.platform.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A handle that looks like another member's (UTS #39 confusable skeleton, ignoring case) is refused. */
@QuarkusTest
class LookalikeHandleTest {

    private static Response changeHandle(String login, String handle) {
        return as(login).contentType(ContentType.JSON).body(Map.of("handle", handle)).when().put("/api/v1/me/handle");
    }

    /** A run-unique tail of letters that confuse with nothing, so each run has handles of its own. */
    private static String uniqueTail() {
        StringBuilder tail = new StringBuilder();
        for (long n = System.nanoTime(); n > 0; n /= 8) {
            tail.append("abcdefgh".charAt((int) (n % 8)));
        }
        return tail.toString();
    }

    @Test
    void asciiLookalikesOfExistingHandlesAreRefused() {
        // The realm's alice and bob, not fresh members: the test is about look-alikes of these very handles.
        as("alice").when().get("/api/v1/me").then().statusCode(200);
        as("bob").when().get("/api/v1/me").then().statusCode(200);
        String login = "lookalike-" + System.nanoTime();
        for (String lookalike : new String[] {"aIice", "a1ice", "AIice", "b0b", "B0B", "BOB"}) {
            changeHandle(login, lookalike).then().statusCode(400).body("errors.field", hasItem("handle"))
                    .body("errors.message", hasItem(containsString("taken")));
        }
        Response page = PageForms.submit(login, "/settings", "/settings/handle", Map.of("handle", "aIice"));
        assertEquals(400, page.statusCode());
        assertTrue(PageForms.html(page).selectFirst("#handle-error").text().contains("taken"));

        String tail = uniqueTail();
        changeHandle(login, "wilmo_" + tail).then().statusCode(200).body("handle", equalTo("wilmo_" + tail));
        String other = "lookalike-other-" + System.nanoTime();
        for (String lookalike : new String[] {"wiImo_" + tail, "wi1mo_" + tail, "wilrno_" + tail, "wilm0_" + tail,
                "WILMO_" + tail.toUpperCase(java.util.Locale.ROOT)}) {
            changeHandle(other, lookalike).then().statusCode(400).body("errors.field", hasItem("handle"));
        }
        changeHandle(other, "wilma_" + tail).then().statusCode(200).body("handle", equalTo("wilma_" + tail));
        changeHandle(login, "wiImo_" + tail).then().statusCode(200); // a look-alike of your own handle is yours

        // At first login a look-alike login name is not taken as the handle either.
        as("b0b").when().get("/api/v1/me").then().statusCode(200).body("handle", startsWith("b0b-"))
                .body("handle", not(equalTo("b0b")));
    }
}
