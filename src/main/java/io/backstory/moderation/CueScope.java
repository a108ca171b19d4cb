package io.backstory.moderation;

import java.util.List;
import java.util.Set;

/**
 * Which words of a text a negation ("no numbness", "never had bladder trouble") or a hypothetical ("come back if you
 * get numbness", "watch for", "asked about") governs. A cue governs the words after it in its scope: a scope ends
 * with the clause ({@link TextAnalysis}), before a new subject after a comma or "and" ("no, my groin is numb", "never
 * had it before and now I'm numb"), and before a word that gives a reason or a time ("until", "because", "since").
 * A red flag is a symptom the writer has: said of something absent, or of something to watch for, it is not one.
 */
public final class CueScope {

    static final int NEGATION_WINDOW = 5;
    private static final int AFTER_WINDOW = 3;
    /** How far back "told me to come back", "I'd go", "what" make an "if I ..." a hypothetical. */
    private static final int ADVICE_WINDOW = 8;

    private static final Set<String> NEGATIONS = stems("no", "not", "never", "without", "none", "nothing", "nobody",
            "neither", "nor", "don't", "didn't", "doesn't", "isn't", "wasn't", "aren't", "haven't", "hasn't", "hadn't",
            "won't", "wouldn't", "shouldn't", "denied", "deny", "denies", "negative");
    /** "numbness between my legs (none, thankfully)", "saddle numbness: negative". */
    private static final Set<String> NEGATIONS_AFTER = stems("none", "negative", "neither");

    private static final Set<String> NEW_SUBJECTS = Set.of("i", "i'm", "im", "i've", "ive", "i'd", "i'll", "my", "it",
            "it's", "its", "now", "today");
    private static final Set<String> JOINS = Set.of("and", "so", "then");
    private static final Set<String> SCOPE_ENDS = Set.of("because", "cause", "cos", "coz", "since", "until", "till",
            "after");
    private static final Set<String> FIRST_PERSON = Set.of("i", "i'm", "im", "i've", "ive", "i'd", "my", "me", "we");
    /** "feels as if", "not sure if", "can't tell if", "is it normal if": the writer's own state, not a hypothetical. */
    private static final Set<String> IF_OF_FACT = Set.of("as", "know", "sure", "unsure", "tell", "wonder", "wondering",
            "wondered", "normal", "idk", "curious");
    /** Before "if I ...": advice or a plan for what might happen ("come back if I got", "I'd go if", "what if"). */
    private static final Set<String> ADVICE = Set.of("back", "return", "told", "said", "say", "says",
            "advised", "warned", "would", "i'd", "will", "i'll", "mention", "report", "call", "ring", "what");
    /** In "if I ...", these make it a possibility rather than a habit: "if I ever get", "if I got any numbness". */
    private static final Set<String> POSSIBILITY = Set.of("ever", "any", "again");
    /** "Should you notice", "should the numbness spread": a subject right after "should" makes it an "if". */
    private static final Set<String> SHOULD_SUBJECTS = Set.of("you", "your", "it", "this", "that", "anyone", "anybody",
            "someone", "they", "there", "any", "the", "a", "an", "my", "his", "her", "their");
    private static final Set<String> WATCH = Set.of("watch", "watching", "look", "looking", "eye", "alert");
    private static final Set<String> INQUIRY_OBJECTS = Set.of("about", "for", "whether", "if");
    private static final Set<String> SIGNS = Set.of("sign", "signs", "flag", "flags");
    private static final Set<String> SIGN_OBJECTS = Set.of("of", "like", "such", "include", "includes", "including");

    private final String text;
    private final List<TextAnalysis.Token> tokens;
    private final int[] scope;
    private final boolean[] hypothetical;

    private CueScope(String text, List<TextAnalysis.Token> tokens) {
        this.text = text;
        this.tokens = tokens;
        int n = tokens.size();
        scope = new int[n];
        for (int i = 1; i < n; i++) {
            scope[i] = scope[i - 1] + (startsScope(i) ? 1 : 0);
        }
        hypothetical = new boolean[n];
        for (int i = 0; i < n; i++) {
            int end = hypotheticalCueEnd(i);
            for (int j = end; end >= 0 && j < n && scope[j] == scope[i]; j++) {
                hypothetical[j] = true;
            }
        }
    }

    static CueScope of(String text, List<TextAnalysis.Token> tokens) {
        return new CueScope(TextAnalysis.normalise(text), tokens);
    }

    /** Whether the sentence holds a hypothetical ("if you ever", "watch for"): a context feature for the model. */
    public static boolean hasHypothetical(String sentence) {
        CueScope cues = of(sentence, TextAnalysis.tokens(sentence));
        for (boolean h : cues.hypothetical) {
            if (h) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a negation governs the words from {@code first} to {@code last}: one stands at most
     * {@value #NEGATION_WINDOW} words before them in their scope, or "none" right after them in the same sentence.
     */
    boolean negated(int first, int last) {
        for (int i = Math.max(0, first - NEGATION_WINDOW); i < first; i++) {
            if (scope[i] == scope[first] && NEGATIONS.contains(tokens.get(i).stem())) {
                return true;
            }
        }
        int sentence = tokens.get(last).sentence();
        for (int i = last + 1; i < Math.min(tokens.size(), last + 1 + AFTER_WINDOW)
                && tokens.get(i).sentence() == sentence; i++) {
            if (NEGATIONS_AFTER.contains(tokens.get(i).stem())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a negation stands at most {@code window} words before this word in its scope with no comma between
     * ("don't do it", "not terrible advice"; in "it isn't, trust me" the negation belongs to what came before).
     */
    boolean negatedRightBefore(int first, int window) {
        for (int i = first - 1; i >= Math.max(0, first - window) && scope[i] == scope[first]; i--) {
            if (text.substring(tokens.get(i).end(), tokens.get(i + 1).start()).contains(",")) {
                return false;
            }
            if (NEGATIONS.contains(tokens.get(i).stem())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a hypothetical governs this word ("come back if I got any <numbness>"). */
    boolean hypothetical(int token) {
        return hypothetical[token];
    }

    private boolean startsScope(int i) {
        TextAnalysis.Token token = tokens.get(i);
        TextAnalysis.Token previous = tokens.get(i - 1);
        if (token.clause() != previous.clause() || SCOPE_ENDS.contains(token.surface())) {
            return true;
        }
        return NEW_SUBJECTS.contains(token.surface())
                && (text.substring(previous.end(), token.start()).contains(",") || JOINS.contains(previous.surface()));
    }

    /** Where the scope of a hypothetical cue starting at token i begins (after the cue), or -1 if none starts there. */
    private int hypotheticalCueEnd(int i) {
        String word = tokens.get(i).surface();
        switch (word) {
            case "if":
                return conditionalIf(i) ? i + 1 : -1;
            case "unless":
                return i + 1;
            case "in":
                if (is(i + 1, "case")) {
                    return i + 2;
                }
                return is(i + 1, "the") && is(i + 2, "event") ? i + 3 : -1;
            case "should":
                return i + 1 < tokens.size() && SHOULD_SUBJECTS.contains(tokens.get(i + 1).surface()) ? i + 1 : -1;
            default:
                if (WATCH.contains(word)) {
                    return objectWithin(i, 2, Set.of("for", "on"));
                }
                if (SIGNS.contains(word)) {
                    return objectWithin(i, 1, SIGN_OBJECTS);
                }
                if (word.startsWith("ask") || word.startsWith("check") || word.startsWith("screen")
                        || word.startsWith("test") || word.startsWith("warn")) {
                    return objectWithin(i, 3, INQUIRY_OBJECTS);
                }
                return -1;
        }
    }

    /**
     * "if you ever", "if the numbness spreads" are hypotheticals; "if I sit for long my groin goes numb" is a habit the
     * writer has, unless a possibility or advice frames it ("if I ever get", "told me to come back if I").
     */
    private boolean conditionalIf(int i) {
        if (i > 0 && IF_OF_FACT.contains(tokens.get(i - 1).surface())) {
            return false;
        }
        for (int j = i + 1; j <= i + 3 && j < tokens.size(); j++) {
            if (tokens.get(j).surface().startsWith("honest")) {
                return false; // "if I'm honest"
            }
        }
        if (i + 1 >= tokens.size() || !FIRST_PERSON.contains(tokens.get(i + 1).surface())) {
            return true;
        }
        for (int j = i + 1; j < tokens.size() && scope[j] == scope[i]; j++) {
            if (POSSIBILITY.contains(tokens.get(j).surface())) {
                return true;
            }
        }
        int sentence = tokens.get(i).sentence();
        for (int j = i - 1; j >= Math.max(0, i - ADVICE_WINDOW) && tokens.get(j).sentence() == sentence; j--) {
            if (ADVICE.contains(tokens.get(j).surface())) {
                return true;
            }
        }
        return false;
    }

    /** The token after the first of {@code objects} within {@code window} words after token i, or -1. */
    private int objectWithin(int i, int window, Set<String> objects) {
        for (int j = i + 1; j <= i + window && j < tokens.size() && scope[j] == scope[i]; j++) {
            if (objects.contains(tokens.get(j).surface())) {
                return j + 1;
            }
        }
        return -1;
    }

    private boolean is(int i, String word) {
        return i < tokens.size() && tokens.get(i).surface().equals(word);
    }

    private static Set<String> stems(String... words) {
        Set<String> stems = new java.util.HashSet<>();
        for (String word : words) {
            stems.add(TextAnalysis.stemOfWord(word));
        }
        return Set.copyOf(stems);
    }
}
