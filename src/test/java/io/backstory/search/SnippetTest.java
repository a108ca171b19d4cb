package io.backstory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SnippetTest {

    private static final String S = String.valueOf(Snippet.MARK_START);
    private static final String E = String.valueOf(Snippet.MARK_END);
    private static final String F = String.valueOf(Snippet.FRAGMENT_END);

    @Test
    void markdownMarksAreTakenOutAndTheWordsKept() {
        String body = "## What I tried\n\n**Things that helped** - a " + "heating pad" + " and [short walks](https://example.org/walks).\n\n"
                + "1. _gentle_ stretches\n> keep `moving`";
        String headline = "## What I tried\n\n**Things that helped** - a " + S + "heating" + E + " pad and [short walks](https://example.org/walks).\n\n"
                + "1. _gentle_ stretches\n> keep `moving`";
        assertEquals("What I tried Things that helped - a <mark>heating</mark> pad and short walks. gentle stretches keep moving",
                Snippet.html(headline, body));
    }

    @Test
    void aFragmentCutInsideAWordStartsAtTheNextWordWithEllipses() {
        String body = "Three days on the couch made it worse, then slippery floors and a slipped disc.";
        String headline = "ppery floors and a " + S + "slipped" + E + " disc" + F;
        assertEquals("… floors and a <mark>slipped</mark> disc", Snippet.html(headline, body), "only a full stop follows");
    }

    @Test
    void markupAndPunctuationAroundTheWholeTextGetNoEllipsis() {
        String body = "**Things that helped** - a heating pad.";
        assertEquals("Things that helped - a <mark>heating</mark> pad", Snippet.html("Things that helped** - a " + S + "heating" + E + " pad" + F, body));
    }

    @Test
    void fragmentsInTheMiddleAreMarkedOnBothSidesAndJoined() {
        String body = "One two three heat four five six seven walking eight nine.";
        String headline = "two three " + S + "heat" + E + " four" + F + "seven " + S + "walking" + E + " eight" + F;
        assertEquals("… two three <mark>heat</mark> four … seven <mark>walking</mark> eight …", Snippet.html(headline, body));
    }

    @Test
    void memberTextStaysInertAndSnakeCaseKeepsItsUnderscores() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; my_handle", Snippet.html("<script>alert(1)</script> my_handle",
                "<script>alert(1)</script> my_handle"));
    }
}
