package io.backstory.platform.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.backstory.platform.errors.InvalidInputException;

/**
 * An opaque keyset-pagination cursor: the sort key and id of the last item shown. Stable under inserts:
 * new items land before the cursor, never shifting the next page. The key is text here; the query that
 * uses it parses it into its own type.
 */
public record PageCursor(String key, long id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for the first page; a 400 naming the parameter for anything that is not a cursor we made. */
    public static PageCursor decode(String cursor, String parameter) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.lastIndexOf('|');
            if (bar <= 0) {
                throw new IllegalArgumentException(cursor);
            }
            return new PageCursor(text.substring(0, bar), Long.parseLong(text.substring(bar + 1)));
        } catch (IllegalArgumentException e) {
            throw invalid(parameter);
        }
    }

    public static InvalidInputException invalid(String parameter) {
        return new InvalidInputException(parameter, "is not a valid page cursor; use the 'next' value of the previous page");
    }
}
