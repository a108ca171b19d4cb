package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Review reasons and matched words as a moderator reads them. */
class PlainReasonsTest {

    @Test
    void aScreeningReasonNamesWhatTheRuleLooksForNotItsCode() {
        assertEquals(new ReviewReason("Untrained traction or manipulation", "husband pull your legs"),
                ReviewReason.parse("unsafe-untrained-traction (untrained traction or manipulation): \"husband pull your legs\""));
        assertEquals(new ReviewReason("New member's first post", null),
                ReviewReason.parse("new-member (new member's first post): \"\""));
        assertEquals(new ReviewReason("Flagged by a member: Spam", null), ReviewReason.parse("flag: Spam"));
        assertEquals(new ReviewReason("[content deleted by its author]", null), ReviewReason.parse("[content deleted by its author]"));
    }

    private static ScreeningResult.Match match(int start, int end) {
        return new ScreeningResult.Match("rule", ScreeningCategory.SPAM, "spam", ScreeningAction.FLAG, "", start, end);
    }

    @Test
    void matchedWordsAreMarkedInEscapedText() {
        String text = "Buy <cheap> pills & more pills";
        assertEquals("Buy &lt;<mark>cheap</mark>&gt; <mark>pills</mark> &amp; more <mark>pills</mark>",
                MarkedText.whole(text, List.of(match(25, 30), match(5, 10), match(12, 17))));
        assertEquals("Buy <mark>&lt;cheap&gt; pills</mark> &amp; more pills", MarkedText.whole(text, List.of(match(4, 17), match(5, 10))),
                "overlapping matches are marked once");
    }

    @Test
    void aSnippetShowsTheWordsAroundTheFirstMatch() {
        String text = "a".repeat(100) + " double dose " + "b".repeat(100);
        assertEquals("…" + "a".repeat(10) + " <mark>double dose</mark> " + "b".repeat(10) + "…",
                MarkedText.snippet(text, List.of(match(101, 112)), 11));
    }
}
