package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Review reasons and matched words as a moderator reads them. */
class PlainReasonsTest {

    @Test
    void aScreeningReasonNamesWhatTheRuleLooksForNotItsCode() {
        assertEquals(new ReviewReason("unsafe-untrained-traction", "Untrained traction or manipulation", "husband pull your legs"),
                ReviewReason.of(ReasonKind.RULE, "unsafe-untrained-traction", null, "untrained traction or manipulation",
                        "husband pull your legs"));
        assertEquals(new ReviewReason("new-member", "New member's first post", null),
                ReviewReason.of(ReasonKind.RULE, "new-member", null, "new member's first post", null));
        assertEquals(new ReviewReason("new-member", "New member's first post", null),
                ReviewReason.of(ReasonKind.RULE, "new-member", null, "new member's first post", " "), "blank words are none");
        assertEquals(new ReviewReason(null, "Flagged by a member: Spam", null),
                ReviewReason.of(ReasonKind.FLAG, null, FlagReason.SPAM, null, null));
        assertEquals(new ReviewReason(null, "[content deleted by its author]", null),
                ReviewReason.of(ReasonKind.NOTE, null, null, ReviewReasons.ERASED, null));
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
