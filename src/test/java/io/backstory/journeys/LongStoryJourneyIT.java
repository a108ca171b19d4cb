package io.backstory.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

import io.backstory.platform.Browser;
import io.backstory.platform.BrowserArtifacts;
import io.backstory.platform.GenerousLimits;
import io.backstory.platform.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Issue #14, "everything a member writes is kept", in a real Chromium against the packaged application (prod profile)
 * and a real Keycloak: a story of over 10,000 characters (Markdown headings, nested lists, links, emoji, other
 * scripts) with eight remedy outcomes is saved, edited and answered with a 5,000-character comment, each shown whole;
 * a text over the 1 MiB request limit gets a readable page and comes back into the form. Screenshots of the long post
 * and of that page at phone and desktop width go to target/page-screenshots for a reviewer.
 * <p>
 * GenerousLimits turns off the review of new members' posts (MemberJourneysIT covers it), so bob's story is
 * published at once; it also gives this class its own application and database apart from MemberJourneysIT's.
 */
@QuarkusIntegrationTest
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = GenerousLimits.class, scope = TestResourceScope.MATCHING_RESOURCES)
@ExtendWith(BrowserArtifacts.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LongStoryJourneyIT {

    private static final Path SCREENSHOTS = Path.of("target/page-screenshots");
    private static final String TITLE = "A long spring with a stiff back, week by week";
    private static final List<String> HEADINGS = List.of("How it started", "What I tried", "Week by week", "Where I am now");
    private static final String LINK = "https://www.nhs.uk/conditions/back-pain/";
    private static final String STORY_LAST_SENTENCE = "Today I carried the laundry basket up the stairs, said спасибо to my back, and it did not complain.";
    private static final String EDIT_LAST_SENTENCE = "Edit after a week: the basket is still easy, and I walk to the bakery every morning.";
    private static final String COMMENT_LAST_SENTENCE = "Thanks for reading this far, and good luck to everyone here.";
    /** Remedy select name to outcome: eight remedies from six of the remedy list's groups. */
    private static final Map<String, String> OUTCOMES = Map.of(
            "remedy.heat", "HELPED", "remedy.walking", "HELPED", "remedy.stretching", "HELPED",
            "remedy.yoga", "NO_CHANGE", "remedy.massage", "NO_CHANGE", "remedy.tens", "NO_CHANGE",
            "remedy.sleep-setup", "HELPED", "remedy.short-rest", "WORSE");

    private Browser bob;
    private String postPath;

    @AfterAll
    void closeBrowser() {
        if (bob != null) {
            bob.close();
        }
    }

    @Test
    @Order(1)
    void bobWritesAStoryOfOverTenThousandCharactersWithEightRemedyOutcomes() {
        bob = Browser.open("bob");
        bob.logInThroughKeycloak("bob", "bob_long");
        bob.go("/posts/new")
                .click("input[name=kind][value=STORY]")
                .type("#field-title", TITLE);
        writeLongText("#field-body", 10_000, storyBeforeLastSentence(), STORY_LAST_SENTENCE);
        bob.click("input[name=condition][value=herniated-disc]");
        OUTCOMES.forEach((select, outcome) -> bob.choose("select[name='" + select + "']", outcome));
        bob.clickAndWait("form.post-form button[type=submit]:not([name])");

        postPath = bob.path();
        assertEquals(TITLE, bob.text("h1"), "published at once, not held: " + bob.url());
        assertEquals(OUTCOMES.size(), bob.findAll(".outcomes li").size(), "every remedy outcome was saved");
        assertTrue(bob.text(".outcomes").contains("Short rest: Made it worse"), bob.text(".outcomes"));
        // The renderer demotes a member's ## to <h3>, so the page's own h1/h2 outline stays intact.
        assertEquals(HEADINGS, bob.findAll(".post .body h3").stream().map(WebElement::getText).toList());
        assertEquals("gentle stretching after each walk", bob.text(".post .body ul > li > ul > li:nth-child(2)").lines().findFirst().orElseThrow());
        assertEquals("hip flexors in a half kneel", bob.text(".post .body ul ul ul > li:last-child"));
        assertEquals("a desk at elbow height", bob.text(".post .body ul ol > li:last-child"));
        assertEquals("decimal", bob.find(".post .body ul ol > li").getCssValue("list-style-type"), "numbered inside a bullet list");
        assertEquals("NHS page on back pain", bob.text(".post .body a[href='" + LINK + "']"));
        String body = bob.text(".post .body");
        for (String word : List.of("😀", "🔥", "🧘\u200d♀️", "腰痛", "спина болить", "πόνος")) {
            assertTrue(body.contains(word), "shows " + word);
        }
        assertTrue(body.endsWith(STORY_LAST_SENTENCE), "the typed last sentence is there: ..." + tail(body));
    }

    @Test
    @Order(2)
    void bobAppendsAParagraphThroughTheEditForm() {
        bob.go(postPath).clickAndWait(".post .actions a[href$='/edit']");
        assertTrue(bob.value("#field-body").endsWith(STORY_LAST_SENTENCE), "the whole story is in the edit form");
        bob.typeAtEnd("#field-body", "\n\n" + EDIT_LAST_SENTENCE)
                .clickAndWait("form.post-form button[type=submit]:not([name])");

        assertEquals(postPath, bob.path());
        String body = bob.text(".post .body");
        assertTrue(body.contains(STORY_LAST_SENTENCE), "the earlier ending stays");
        assertTrue(body.endsWith(EDIT_LAST_SENTENCE), "the new last paragraph is there: ..." + tail(body));
    }

    @Test
    @Order(3)
    void bobAnswersWithACommentOfFiveThousandCharacters() {
        bob.go(postPath);
        String comment = commentBeforeLastSentence();
        writeLongText("#reply-body", 5_000, comment, COMMENT_LAST_SENTENCE);
        bob.click(".reply-form button[type=submit]:not([name])").waitForText("ol.thread", COMMENT_LAST_SENTENCE); // in place, htmx

        String shown = bob.text("ol.thread > li.comment .body");
        assertTrue(shown.startsWith(comment.substring(0, comment.indexOf('\n'))), "the comment's start: " + shown.substring(0, 80));
        assertTrue(shown.endsWith(COMMENT_LAST_SENTENCE), "the comment's last sentence: ..." + tail(shown));
        assertEquals("decimal", bob.find("ol.thread .body ol > li").getCssValue("list-style-type"), "numbered in a comment");

        // The comment was sent in place (htmx): the copy kept in the tab must not come back as unsaved text.
        bob.go(postPath);
        assertEquals("", bob.value("#reply-body"), "a saved comment is not offered again");
        assertTrue(bob.findAll(".restored-note").isEmpty(), bob.text("main"));
    }

    @Test
    @Order(4)
    void theLongPostAndItsCommentReadWellOnAPhoneAndADesktop() {
        bob.go(postPath);
        // The top, the first paragraphs (emoji, other scripts), the nested lists and the comment.
        screenshotsAtPhoneAndDesktopWidth("long-story-post", ".post .body h3", ".post .body ul", "ol.thread");
    }

    @Test
    @Order(5)
    void aTextOverTheRequestLimitGetsAReadablePageAndComesBackIntoTheForm() {
        String oversized = oversizedStory();
        bob.go("/posts/new").click("input[name=kind][value=STORY]").type("#field-title", TITLE).paste("#field-body", oversized)
                .clickAndWait("form.post-form button[type=submit]:not([name])");

        assertEquals("Your text is too long to send - Backstory", bob.title(), "a page, not a browser error: " + bob.url());
        Matcher sizes = Pattern.compile("What you sent was [0-9.]+ MB \\(([0-9,]+) bytes\\); the most one form can send is "
                + "1.0 MB \\(1,048,576 bytes\\)\\.").matcher(bob.text("main"));
        assertTrue(sizes.find(), bob.text("main"));
        assertTrue(Long.parseLong(sizes.group(1).replace(",", "")) >= 1_100_000, "says how large it was: " + sizes.group());
        int characters = TITLE.codePointCount(0, TITLE.length()) + oversized.codePointCount(0, oversized.length());
        assertTrue(bob.text("#kept-text").startsWith(
                String.format(Locale.US, "Your text (%,d characters) is kept in this browser tab.", characters)), bob.text("#kept-text"));
        screenshotsAtPhoneAndDesktopWidth("long-story-too-large");

        bob.followLink("Go back to your form and shorten it");
        assertEquals("/posts/new", bob.path());
        assertTrue(bob.text(".restored-note").startsWith("We put back the text you were sending"), bob.text(".restored-note"));
        assertEquals(TITLE, bob.value("#field-title"));
        String restored = bob.value("#field-body");
        assertEquals(oversized.length(), restored.length(), "the whole text came back");
        assertEquals(tail(oversized), tail(restored));
    }

    /** Pastes all but the last sentence (as a long text would arrive) and types that one key by key. */
    private void writeLongText(String field, int atLeastCharacters, String beforeLastSentence, String lastSentence) {
        bob.paste(field, beforeLastSentence).typeAtEnd(field, lastSentence);
        String text = bob.value(field);
        assertEquals(beforeLastSentence + lastSentence, text, "pasted and typed text together");
        assertTrue(text.codePointCount(0, text.length()) >= atLeastCharacters, text.length() + " characters");
    }

    /**
     * Screenshots of the page at phone (390x844) and desktop (1366x900) width, from the top and scrolled to each of
     * the given elements (name-phone.png, name-phone-2.png, ...); a reader must never have to scroll sideways.
     * Leaves the window at desktop size.
     */
    private void screenshotsAtPhoneAndDesktopWidth(String name, String... scrolledTo) {
        for (Size size : List.of(new Size("phone", 390, 844), new Size("desktop", 1366, 900))) {
            bob.resize(size.width(), size.height());
            bob.driver().executeScript("window.scrollTo(0, 0)");
            bob.screenshot(SCREENSHOTS.resolve(name + "-" + size.name() + ".png"));
            for (int i = 0; i < scrolledTo.length; i++) {
                bob.driver().executeScript("arguments[0].scrollIntoView()", bob.find(scrolledTo[i]));
                bob.screenshot(SCREENSHOTS.resolve(name + "-" + size.name() + "-" + (i + 2) + ".png"));
            }
            assertFalse(bob.scrollsSideways(), name + " scrolls sideways at " + size.name() + " width");
        }
    }

    private record Size(String name, int width, int height) {
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 50));
    }

    /**
     * Over 10,000 characters up to the last sentence: Markdown headings, nested bullet and numbered lists, a link and
     * a bare address, emoji outside the Basic Multilingual Plane (one a joined sequence) and words in four scripts.
     */
    private static String storyBeforeLastSentence() {
        StringBuilder story = new StringBuilder("""
                ## How it started

                It was an ordinary Tuesday. I bent down to pick up a laundry basket and my lower back locked so hard \
                that I stayed bent over for a full minute 😀 (I laugh about it now; I did not laugh then 🔥). My \
                grandmother called this 腰痛, my colleague from Kyiv says спина болить, and my neighbour from \
                Thessaloniki just sighs and says πόνος. Gentle movement 🧘\u200d♀️ became my plan for the spring.

                ## What I tried

                - Moving
                  - short walks around the block, five minutes at first
                  - gentle stretching after each walk
                    - hamstrings on the bottom stair
                    - hip flexors in a half kneel
                - Warmth and rest
                  - a heating pad for 20 minutes after work
                  - lying on the floor with my knees up for ten minutes
                - My setup
                  1. a firmer mattress
                  2. a desk at elbow height

                The [NHS page on back pain](%s) convinced me to keep moving. The sheet of exercises I was given is at \
                https://www.example.org/exercises/lower-back/gentle-mobility-programme-for-the-first-weeks-after-a-flare.

                ## Week by week
                """.formatted(LINK));
        for (int week = 1; story.length() < 10_200; week++) {
            story.append("\n**Week ").append(week).append(".** ").append(WEEKS.get((week - 1) % WEEKS.size())).append('\n');
        }
        return story.append("\n## Where I am now\n\n").toString();
    }

    private static final List<String> WEEKS = List.of(
            "The first walks were slow and stiff, and I counted lampposts instead of minutes. By the end of the week I "
                    + "could pass twelve of them before I wanted to sit on the bench by the bakery, which smells of "
                    + "cinnamon every morning and became the place where I stopped to stretch my calves.",
            "I tried yoga from a video. Child's pose felt wonderful; the twisting poses did not, so I left them out "
                    + "and kept the slow breathing at the end, which calmed me more than I expected. I did it on the "
                    + "living room rug every evening while the kettle boiled.",
            "I borrowed a TENS unit. It buzzed pleasantly and took the edge off while I sat at my desk, but as soon "
                    + "as I switched it off the ache came back just as it was, so in the form I marked it as no change. "
                    + "Interesting to try, not something I would buy.",
            "My physiotherapist watched me bend and lift a box. She taught me to hinge at the hips and keep the box "
                    + "close to my belly, and gave me three exercises for twice a day: bridges, bird dogs and a slow "
                    + "cat-cow. I wrote them on a card and stuck it on the fridge.",
            "A massage on a Friday afternoon loosened the muscles beside my spine for a day or two. It was lovely, "
                    + "and expensive, and the effect did not last into the next week, so I went back to the walks "
                    + "and the exercises, which cost nothing and kept working.",
            "The new mattress arrived. The first two mornings felt strange, then I noticed I was getting out of bed "
                    + "without rolling onto my side first and pushing myself up with my arms. My partner says I also "
                    + "stopped sighing every time I sat down on it.",
            "I raised my monitor on a pile of old cookery books and moved the chair closer to the desk. Small "
                    + "things, but the afternoon ache that used to start around three o'clock now starts around five, "
                    + "and some days it does not start at all.",
            "A harder week: a long drive to the coast, two hours in the car, and I could hardly straighten up when we "
                    + "arrived. I walked along the promenade slowly, looked at the boats, and it eased within half an "
                    + "hour. Lesson learned: stop every forty minutes.",
            "Too much rest on Sunday made Monday worse. I spent most of the day on the sofa with a film marathon, "
                    + "and the next morning I was stiffer than in weeks. Short rests are fine for me; long ones are "
                    + "not, and I now set a timer to get up and move.",
            "I went back to the swimming pool for the first time in years. I only walked in the shallow end and "
                    + "floated on my back for a while, but the warm water and the quiet made it the best hour of the "
                    + "week. Next time I will try a few slow lengths.");

    /** About 5,000 characters up to the last sentence: a numbered list, then paragraphs, as a long answer would be. */
    private static String commentBeforeLastSentence() {
        StringBuilder comment = new StringBuilder("What I would try first, in this order:\n\n1. short walks\n2. heat for 20 minutes\n"
                + "3. a look at the desk and chair\n\n");
        for (int paragraph = 1; comment.length() < 5_000; paragraph++) {
            comment.append("Looking back at week ").append(paragraph).append(". ")
                    .append(WEEKS.get((paragraph + 3) % WEEKS.size())).append("\n\n");
        }
        return comment.toString();
    }

    /** About 1,100,000 characters: over the 1 MiB a request may carry, with a recognisable ending. */
    private static String oversizedStory() {
        String paragraph = "This story goes on and on about the same stiff back and the same slow walks by the river.\n\n";
        return paragraph.repeat(1_100_000 / paragraph.length()) + "And this is where the far too long story finally ends 🔥";
    }
}
