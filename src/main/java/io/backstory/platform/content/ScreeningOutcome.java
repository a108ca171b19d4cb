package io.backstory.platform.content;

import java.util.List;

/**
 * What screening made of a text, as far as code outside moderation needs it: the notices the writer reads. A text
 * screening blocks is refused with its outcome ({@code platform.errors.BlockedException}).
 */
public interface ScreeningOutcome {

    List<String> notices();
}
