package io.backstory.community;

import io.backstory.platform.content.PostKind;

/** Which published posts a list shows and in what order; null parts do not filter. */
public record PostFilter(String condition, String remedy, PostKind kind, PostSort sort, PostSort.Period period) {

}
