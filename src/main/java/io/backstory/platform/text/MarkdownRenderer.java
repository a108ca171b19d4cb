package io.backstory.platform.text;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Member text is CommonMark. Raw HTML in it is escaped by the renderer, and the result goes through the
 * OWASP sanitiser with an allow-list, so nothing executable survives whatever the parser does. Links get
 * rel="nofollow ugc noopener"; headings are demoted so a post never competes with the page's own h1/h2;
 * images are dropped (no tracking pixels, no hot-linking).
 */
@ApplicationScoped
public class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(AutolinkExtension.create());

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "del", "blockquote", "ul", "ol", "li", "pre", "code", "hr",
                    "h3", "h4", "h5", "h6", "a")
            .allowElements((name, attributes) -> "h3", "h1", "h2")
            .allowAttributes("start").matching(true, "^[0-9]{1,6}$").onElements("ol")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    public String toSafeHtml(String markdown) {
        return POLICY.sanitize(renderer.render(parser.parse(markdown)));
    }
}
