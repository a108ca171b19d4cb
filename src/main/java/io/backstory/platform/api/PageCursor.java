package io.backstory.platform.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * An opaque keyset-pagination cursor: the (created_at, id) of the last item shown. Stable under inserts:
 * new items go before the cursor, never shift the next page.
 */
public record PageCursor(Instant createdAt, long id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for the first page; a 400 naming the parameter for anything that is not a cursor we made. */
    public static PageCursor decode(String cursor, String parameter) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException(cursor);
            }
            return new PageCursor(Instant.parse(parts[0]), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidInputException(parameter, "is not a valid page cursor; use the 'next' value of the previous page");
        }
    }
}
