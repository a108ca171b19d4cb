package io.backstory.community;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

/**
 * A page whose bulk is shared by every reader and kept as the UTF-8 bytes sent (the members' thread and page, a
 * condition page's body): only what differs goes through Qute, with {@link #SLOT} where the shared part goes. The
 * answer is a buffer over the parts themselves, not a copy: a 300-comment page is about 300 KB, and each copy of it
 * per view cost CPU and garbage; the socket write copies it once. The slot is an HTML comment with a key chosen at
 * start-up, which no stored text can contain.
 */
final class SharedPart {

    /** Where the page rendered around a shared part takes it. */
    static final String SLOT = "<!--shared-" + HexFormat.of().toHexDigits(new SecureRandom().nextLong()) + "-->";

    private SharedPart() {
    }

    /** {@code page} (with one {@link #SLOT}) as UTF-8, with {@code parts} in the slot's place. */
    static Buffer splice(String page, List<byte[]> parts) {
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

    /** {@code parts} one after the other, as one buffer over them (they must not change while it is sent). */
    @SuppressWarnings("deprecation") // Vert.x 4 wraps a Netty buffer only so (Vert.x 5: BufferInternal.buffer)
    static Buffer join(List<byte[]> parts) {
        return Buffer.buffer(Unpooled.wrappedBuffer(parts.toArray(byte[][]::new)));
    }
}
