package io.backstory.feeds;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;

/**
 * Stored text may hold characters an XML 1.0 document cannot carry (C0 controls, U+FFFE, U+FFFF, lone surrogates):
 * Rome refuses them, so one such post would break every feed that lists it. Characters XML 1.0 asks documents to
 * avoid (DEL, C1 controls but NEL, the non-characters) go as well: feed readers may choke on them.
 */
final class XmlText {

    private XmlText() {
    }

    /** Cleans every text of a finished feed, just before it is written, so no field can be forgotten where it is set. */
    static void clean(SyndFeed feed) {
        feed.setTitle(clean(feed.getTitle()));
        feed.setDescription(clean(feed.getDescription()));
        for (SyndEntry entry : feed.getEntries()) {
            entry.setTitle(clean(entry.getTitle()));
            entry.getAuthors().forEach(author -> author.setName(clean(author.getName())));
            clean(entry.getDescription());
            entry.getContents().forEach(XmlText::clean);
        }
    }

    /** The text without the characters XML 1.0 cannot hold or discourages; null stays null. */
    static String clean(String text) {
        if (text == null || text.codePoints().allMatch(XmlText::allowed)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(XmlText::allowed).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static void clean(SyndContent content) {
        if (content != null) {
            content.setValue(clean(content.getValue()));
        }
    }

    /** XML 1.0 (fifth edition) section 2.2: the Char production, minus the characters it discourages. */
    private static boolean allowed(int c) {
        boolean character = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
        boolean discouraged = c >= 0x7F && c <= 0x84 || c >= 0x86 && c <= 0x9F || c >= 0xFDD0 && c <= 0xFDEF
                || (c & 0xFFFE) == 0xFFFE;
        return character && !discouraged;
    }
}
