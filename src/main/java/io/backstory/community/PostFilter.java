package io.backstory.community;

/** Which published posts a list shows; null parts do not filter. */
public record PostFilter(String condition, String remedy, PostKind kind) {

    public static final PostFilter ALL = new PostFilter(null, null, null);
}
