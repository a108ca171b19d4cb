package io.backstory.accounts;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;

/**
 * What a handle looks like, so that no member can take one that reads as another's ("aIice" beside "alice", "b0b"
 * beside "bob", "rnary" beside "mary"). The confusable skeleton of Unicode UTS #39, from ICU's own data: the skeleton,
 * case-folded, and its skeleton again (case-folding can turn a letter into one with a prototype: "M" is itself, "m"
 * becomes "rn"). Two handles look alike when their skeletons are equal; handles also differ ignoring case.
 */
public final class HandleSkeleton {

    /** Built once: ICU returns an immutable checker, meant to be shared. */
    private static final SpoofChecker CHECKER = new SpoofChecker.Builder().build();

    private HandleSkeleton() {
    }

    public static String of(String handle) {
        return CHECKER.getSkeleton(UCharacter.foldCase(CHECKER.getSkeleton(handle), true));
    }
}
