package io.backstory.platform.api;

import java.util.List;

/** One page of a keyset-paginated list; {@code next} is the cursor for the following page, null at the end. */
public record Page<T>(List<T> items, String next) {
}
