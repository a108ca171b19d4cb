package io.backstory.community;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import io.backstory.platform.cache.ReadCache;
import io.backstory.voting.VoteService;
import io.quarkus.qute.RawString;

/**
 * A post's comment tree as members see it, or its whole page as readers who neither wrote it nor have a draft on it
 * see it, rendered once per content generation and shared by every member, like the visitors' thread. Where one member's view differs, the render carries marks (HTML comments with a key chosen at
 * start-up, which no stored text can contain) around the parts that vary ({@link Varying}): a comment, which its own
 * author gets rendered again with their edit links and urgent-care notes; its vote buttons, rendered three times
 * (no vote, voted up, voted down) for the member's vote to pick; its points, replaced by the current tally (so a
 * vote, or a vote taken back, shows at once); its accepted-answer button, kept for the post's author only.
 * {@link #render} lays one member's state over it by choosing among those parts, so a 300-comment thread costs a list
 * of a few hundred references to bytes encoded once (UTF-8, as they are sent) instead of a template render, copied
 * once into the answer ({@link SharedPart#splice}). CSRF tokens are not in it: the vote buttons belong to the form the page
 * around puts the thread in ({@code id="votes"}), the accept buttons to one beside it ({@code form="accept"}), both
 * rendered per request. In the whole page, the parts around the thread that vary ({@link Varying#pageLevel}) are
 * marked: the header's account menu, the CSRF fields, the draft seal and the post's points and score are small
 * fragments rendered per member; the post's vote buttons and the bookmark button are in the render in each variant,
 * and the member's state picks one.
 */
final class MemberThread implements ReadCache.Weighed {

    private static final String KEY = HexFormat.of().toHexDigits(new SecureRandom().nextLong());
    private static final String MARK = "<!--thread-" + KEY + ":";
    private static final String CLOSE = "-->";
    private static final RawString NEXT = new RawString(MARK + "|" + CLOSE);
    private static final RawString END = new RawString(MARK + "." + CLOSE);

    /** What varies in a comment from one member to another. */
    enum Varying {
        /** The whole comment: its own author gets it rendered again. */
        COMMENT('c'),
        /** The vote buttons: three variants, for no vote, voted up and voted down. */
        VOTES('v'),
        /** The points: the current tally (a member who just took a vote back sees the count drop at once). */
        POINTS('p'),
        /** The accepted-answer button: for the post's author only. */
        ACCEPT('a'),
        /** The header's account menu (handle, counts). The parts from here on are the page's, around the thread. */
        ACCOUNT('h'),
        /** A form's CSRF fields. */
        FORM_CODES('t'),
        /** The reply form's draft seal (whose form, when opened). */
        SEAL('s'),
        /** The post's points, counted now. */
        POST_POINTS('P'),
        /** The post's score beside its vote buttons, counted now. */
        POST_SCORE('S'),
        /** The post's vote buttons: three variants, for no vote, voted up and voted down (chosen, not rendered). */
        POST_VOTES('V'),
        /** The bookmark button: two variants, not bookmarked and bookmarked (chosen, not rendered). */
        BOOKMARK('b');

        final char mark;

        Varying(char mark) {
            this.mark = mark;
        }

        static Varying of(char mark) {
            for (Varying varying : values()) {
                if (varying.mark == mark) {
                    return varying;
                }
            }
            throw new IllegalStateException("unknown thread mark " + mark);
        }

        /** The mark starting this part of comment {@code id} (template side). */
        RawString start(long id) {
            return new RawString(MARK + mark + id + CLOSE);
        }

        /** The mark starting this part of the page (template side). */
        RawString start() {
            return start(0);
        }

        /** A part of the page around the thread: rendered for each member, or one of its variants chosen. */
        boolean pageLevel() {
            return ordinal() >= ACCOUNT.ordinal();
        }

        /** A part of the page whose variants are all in the shared render: a member's state picks one. */
        boolean chosen() {
            return this == POST_VOTES || this == BOOKMARK;
        }
    }

    /** The mark between two variants of a part. */
    static RawString next() {
        return NEXT;
    }

    /** The mark ending a varying part. */
    static RawString end() {
        return END;
    }

    private sealed interface Part {
    }

    /** Shared HTML, encoded once. */
    private record Text(byte[] utf8) implements Part {
    }

    /**
     * A varying part. A comment's also holds, encoded once, what most members get of it ({@code plain}: no vote, not
     * its author, points as rendered) and the points it was rendered with, so that a view passes it in one piece.
     */
    private record Slot(Varying kind, long id, List<List<Part>> variants, byte[] plain, int renderedScore)
            implements Part {
    }

    /**
     * One member's state on this thread, and how to render what the shared parts cannot hold: their own comments, the
     * points of comments they voted on, and (in the whole page) the page's parts.
     */
    record Overlay(String handle, boolean postAuthor, Map<Long, VoteService.Vote> votes,
            Function<CommentTree.Item, String> ownComment, Function<Integer, String> points,
            Function<Varying, String> pagePart, ToIntFunction<Varying> pageChoice) {
    }

    private final List<Part> parts;
    private final Map<Long, CommentTree.Item> items;
    private final int weight;
    /** How many chunks a member's view has, about: its list is made that long at once. */
    private final int chunkCount;

    private MemberThread(List<Part> parts, Map<Long, CommentTree.Item> items, int weight, int chunkCount) {
        this.parts = parts;
        this.items = items;
        this.weight = weight;
        this.chunkCount = chunkCount;
    }

    /** Reads the marked render of {@code items} (the thread's layout). */
    static MemberThread parse(String marked, List<CommentTree.Item> items) {
        Map<Long, CommentTree.Item> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.node.id(), item));
        int[] at = {0};
        List<Part> parts = parseParts(marked, at, false, byId).get(0);
        return new MemberThread(parts, byId, marked.length() + plainBytes(parts), count(parts));
    }

    /** Parts up to the end of the text, or (inside a slot) up to its end mark, split at its variant marks. */
    private static List<List<Part>> parseParts(String marked, int[] at, boolean inSlot,
            Map<Long, CommentTree.Item> items) {
        List<List<Part>> variants = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        variants.add(parts);
        while (true) {
            int mark = marked.indexOf(MARK, at[0]);
            if (mark < 0) {
                if (inSlot) {
                    throw new IllegalStateException("a thread's mark is not closed");
                }
                addText(parts, marked.substring(at[0]));
                return variants;
            }
            addText(parts, marked.substring(at[0], mark));
            int close = marked.indexOf(CLOSE, mark);
            String content = marked.substring(mark + MARK.length(), close);
            at[0] = close + CLOSE.length();
            char kind = content.charAt(0);
            if (kind == '.') {
                return variants;
            } else if (kind == '|') {
                parts = new ArrayList<>();
                variants.add(parts);
            } else {
                Varying varying = Varying.of(kind);
                long id = Long.parseLong(content.substring(1));
                List<List<Part>> slotVariants = parseParts(marked, at, true, items);
                CommentTree.Item item = varying == Varying.COMMENT ? items.get(id) : null;
                parts.add(item == null ? new Slot(varying, id, slotVariants, null, 0)
                        : new Slot(varying, id, slotVariants, plain(slotVariants.get(0)), item.node.score()));
            }
        }
    }

    /** A comment as most members get it: the first variant of its parts, no accepted-answer button. */
    private static byte[] plain(List<Part> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Part part : parts) {
            if (part instanceof Text text) {
                bytes.writeBytes(text.utf8());
            } else if (part instanceof Slot slot && slot.kind() != Varying.ACCEPT) {
                bytes.writeBytes(plain(slot.variants().get(0)));
            }
        }
        return bytes.toByteArray();
    }

    /** The chunks of a view that takes the first variant of every slot. */
    private static int count(List<Part> parts) {
        int count = 0;
        for (Part part : parts) {
            count += part instanceof Slot slot && slot.plain() == null ? count(slot.variants().get(0)) : 1;
        }
        return count;
    }

    /** What the comments' plain copies add to the render's size. */
    private static int plainBytes(List<Part> parts) {
        int bytes = 0;
        for (Part part : parts) {
            if (part instanceof Slot slot && slot.plain() != null) {
                bytes += slot.plain().length;
            }
        }
        return bytes;
    }

    private static void addText(List<Part> parts, String html) {
        if (!html.isEmpty()) {
            parts.add(new Text(html.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * Whether {@code text} is in a part that some member is sent as it is: a check that one member's CSRF fields or
     * seal, rendered into a page's marked parts, never reach another.
     */
    boolean shares(String text) {
        return shares(parts, text);
    }

    private static boolean shares(List<Part> parts, String text) {
        for (Part part : parts) {
            if (part instanceof Text shared && new String(shared.utf8(), StandardCharsets.UTF_8).contains(text)) {
                return true;
            }
            if (part instanceof Slot slot && (!slot.kind().pageLevel() || slot.kind().chosen())
                    && slot.variants().stream().anyMatch(variant -> shares(variant, text))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int weight() {
        return weight;
    }

    /**
     * The thread as the member of {@code overlay} sees it, encoded as UTF-8, in chunks: the shared parts' own arrays
     * (never to be written to) and this member's few parts.
     */
    List<byte[]> render(Overlay overlay) {
        Rendering html = new Rendering(overlay);
        html.append(parts);
        return html.chunks;
    }

    /** One member's thread being written: its chunks, and the points rendered so far by score. */
    private final class Rendering {

        private final Overlay overlay;
        /** Most comments share a handful of scores: each is rendered once per view, not once per comment. */
        private final Map<Integer, byte[]> pointsByScore = new HashMap<>();
        /** A page's CSRF fields appear in several forms: rendered once. */
        private final Map<Varying, byte[]> pageParts = new EnumMap<>(Varying.class);
        private final List<byte[]> chunks = new ArrayList<>(chunkCount);

        Rendering(Overlay overlay) {
            this.overlay = overlay;
        }

        void append(byte[] more) {
            chunks.add(more);
        }

        void append(List<Part> parts) {
            for (Part part : parts) {
                if (part instanceof Text text) {
                    append(text.utf8());
                } else if (part instanceof Slot slot) {
                    append(slot);
                }
            }
        }

        private void append(Slot slot) {
            if (slot.kind().chosen()) {
                append(slot.variants().get(overlay.pageChoice().applyAsInt(slot.kind())));
                return;
            }
            if (slot.kind().pageLevel()) {
                append(pageParts.computeIfAbsent(slot.kind(),
                        kind -> overlay.pagePart().apply(kind).getBytes(StandardCharsets.UTF_8)));
                return;
            }
            VoteService.Vote vote = overlay.votes().get(slot.id());
            switch (slot.kind()) {
                case COMMENT -> {
                    CommentTree.Item item = items.get(slot.id());
                    if (item.node.author() != null && item.node.author().equals(overlay.handle())) {
                        append(overlay.ownComment().apply(item).getBytes(StandardCharsets.UTF_8));
                    } else if (!overlay.postAuthor() && (vote == null
                            || (vote.value() == 0 && vote.score() == slot.renderedScore()))) {
                        append(slot.plain()); // the usual case: nothing of this member's in it
                    } else {
                        append(slot.variants().get(0));
                    }
                }
                case VOTES -> append(slot.variants().get(vote == null || vote.value() == 0 ? 0 : vote.value() > 0 ? 1 : 2));
                case POINTS -> {
                    if (vote == null) {
                        append(slot.variants().get(0));
                    } else {
                        append(pointsByScore.computeIfAbsent(vote.score(),
                                score -> overlay.points().apply(score).getBytes(StandardCharsets.UTF_8)));
                    }
                }
                case ACCEPT -> {
                    if (overlay.postAuthor()) {
                        append(slot.variants().get(0));
                    }
                }
                default -> throw new IllegalStateException("a page's part is rendered per member: " + slot.kind());
            }
        }
    }
}
