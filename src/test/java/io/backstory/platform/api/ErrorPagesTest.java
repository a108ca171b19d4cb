package io.backstory.platform.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The answers JAX-RS gives before any page method runs (no such path, wrong method, wrong content type) are pages
 * in the site layout, for visitors and for logged-in members alike: the layout's header asks the database about the
 * member, which must not happen on the I/O thread those answers start on.
 */
@QuarkusTest
class ErrorPagesTest {

    @Test
    void aLoggedInMemberGetsErrorPagesWithTheirHeader() {
        String user = "errorpages" + UUID.randomUUID().toString().substring(0, 8);
        checkErrorPages(() -> TestUsers.as(user), page -> assertEquals(user, page.select("header a.handle").text(),
                "the header names the member"));
    }

    @Test
    void aVisitorGetsErrorPagesWithTheLoginLink() {
        checkErrorPages(() -> given(), page -> assertNotNull(page.selectFirst("header a[href=/login]"), "the header offers login"));
    }

    private static void checkErrorPages(Supplier<RequestSpecification> caller,
            Consumer<Document> header) {
        check(404, "Not Found", caller, r -> r.when().get("/no-such-page-" + UUID.randomUUID()), header);
        check(405, "Method Not Allowed", caller, r -> r.when().post("/conditions"), header);
        check(415, "Unsupported Media Type", caller,
                r -> r.contentType("text/plain").body("handle=someone").when().post("/settings/handle"), header);
    }

    private static void check(int status, String title, Supplier<RequestSpecification> caller,
            Function<RequestSpecification, Response> request, Consumer<Document> header) {
        Response response = request.apply(caller.get().redirects().follow(false));
        response.then().statusCode(status).contentType(startsWith("text/html"));
        Document page = Jsoup.parse(response.asString());
        assertEquals(title, page.select("main h1").text(), status + " page heading");
        assertNotNull(page.selectFirst("header.site-header nav a.brand[href=/]"), status + " page has the site header");
        assertNotNull(page.selectFirst("footer.site-footer"), status + " page has the site footer");
        header.accept(page);
    }
}
