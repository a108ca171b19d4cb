package io.backstory.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.backstory.platform.text.MarkdownRenderer;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersCommonMark() {
        assertEquals("<p><strong>Heat</strong> and <em>walking</em></p>\n", renderer.toSafeHtml("**Heat** and *walking*"));
        assertTrue(renderer.toSafeHtml("- one\n- two").contains("<ul><li>one</li><li>two</li></ul>"));
    }

    @Test
    void headingsAreDemotedBelowThePageHeadings() {
        assertTrue(renderer.toSafeHtml("# Big\n\n## Smaller").contains("<h3>Big</h3>"));
        assertFalse(renderer.toSafeHtml("# Big").contains("<h1>"));
    }

    @Test
    void rawHtmlImagesAndScriptUrlsDoNotSurvive() {
        assertEquals("<p>&lt;b&gt;bold&lt;/b&gt;</p>\n", renderer.toSafeHtml("<b>bold</b>"));
        assertFalse(renderer.toSafeHtml("![pixel](https://tracker.example/p.gif)").contains("<img"));
        assertFalse(renderer.toSafeHtml("[x](javascript:alert(1))").contains("javascript"));
    }

    @Test
    void linksAreNofollowUgcNoopener() {
        String html = renderer.toSafeHtml("[physio](https://example.org/x)");
        assertTrue(html.contains("href=\"https://example.org/x\""), html);
        String rel = org.jsoup.Jsoup.parse(html).selectFirst("a").attr("rel");
        assertEquals(java.util.Set.of("nofollow", "ugc", "noopener"), java.util.Set.of(rel.split(" ")), html);
    }
}
