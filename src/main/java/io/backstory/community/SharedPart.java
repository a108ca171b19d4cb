package io.backstory.community;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A page whose bulk is shared by every reader and kept as the UTF-8 bytes sent (the members' thread, a condition
 * page's body): only the page around it goes through Qute, with {@link #SLOT} where the shared part goes, and
 * {@link #splice} copies each part once into an answer of the exact length. The slot is an HTML comment with a key
 * chosen at start-up, which no stored text can contain.
 */
final class SharedPart {

    /** Where the page rendered around a shared part takes it. */
    static final String SLOT = "<!--shared-" + HexFormat.of().toHexDigits(new SecureRandom().nextLong()) + "-->";

    private SharedPart() {
    }

    /** {@code page} (with one {@link #SLOT}) as UTF-8, with {@code parts} in the slot's place. */
    static byte[] splice(String page, List<byte[]> parts) {
        int slot = page.indexOf(SLOT);
        if (slot < 0) {
            throw new IllegalStateException("the page has no place for its shared part");
        }
        List<byte[]> all = new ArrayList<>(parts.size() + 2);
        all.add(page.substring(0, slot).getBytes(StandardCharsets.UTF_8));
        all.addAll(parts);
        all.add(page.substring(slot + SLOT.length()).getBytes(StandardCharsets.UTF_8));
        return join(all);
    }

    /** {@code parts} one after the other, in an array of the exact length. */
    static byte[] join(List<byte[]> parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] html = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, html, at, part.length);
            at += part.length;
        }
        return html;
    }
}
