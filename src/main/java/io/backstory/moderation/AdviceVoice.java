package io.backstory.moderation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whose advice a match of an unsafe-advice rule is. The rules hold advice the writer gives in their own voice; the
 * same words told as someone else's that the writer disowns ("a man at work said to triple the pills, which is
 * reckless"), as a temptation ("I was tempted to take extra pills but didn't") or as a habit the writer gave up ("I
 * used to take double doses, never again") warn more than they advise. Decided per clause, as {@link CueScope} does for
 * negations: the cue must stand before the match in the match's own clause, so in "my doctor says rest, but just double
 * the dose" the doubling is the writer's own. Words after the match that vouch for it ("it worked great, do it") keep it
 * the writer's own whatever came before.
 */
final class AdviceVoice {

    /** Who speaks, and the most a rule may do about it. */
    enum Voice {
        /** The writer's own advice: the rule's action stands. */
        OWN(ScreeningAction.BLOCK),
        /** Someone else's words or deeds, disowned: still flagged, as disowning is easy to fake ("terrible advice ;)"). */
        DISOWNED_REPORT(ScreeningAction.FLAG),
        /** The writer's own temptation or past habit, said no more: flagged for a moderator to read. */
        TEMPTATION_OR_HABIT(ScreeningAction.FLAG),
        /** The writer's own temptation resisted or habit given up, in so many words: a safety note is enough. */
        RESISTED_OR_GIVEN_UP(ScreeningAction.NOTICE),
        /**
         * Nobody is told to do it: what someone did ("my GP doubled my sertraline", "my brother swears by beer with his
         * tramadol"), a practice described ("doubling up on codeine is a bad idea"), a question put to the reader ("can
         * you take co-codamol with ibuprofen?"). Flagged: a moderator reads it, the words stay up.
         */
        UNADDRESSED(ScreeningAction.FLAG),
        /** The writer asks whether it is safe ("is it ok to take naproxen with paracetamol?"): the safety note answers. */
        QUESTION(ScreeningAction.NOTICE);

        private final ScreeningAction most;

        Voice(ScreeningAction most) {
            this.most = most;
        }

        /** The rule's action, lowered to the most this voice allows. */
        ScreeningAction limit(ScreeningAction action) {
            return action.compareTo(most) > 0 ? most : action;
        }
    }

    /** How far after the match a negation denies it ("taking extra naproxen doesn't make it work faster"). */
    private static final int DENIAL_REACH = 3;
    private static final Set<String> NEGATED_VERBS = Set.of("doesn't", "doesnt", "don't", "dont", "won't", "wont",
            "isn't", "isnt", "aren't", "never", "not", "can't", "cant");
    /** How far before the match a gerund heading its clause may stand ("taking a handful of pills"). */
    private static final int GERUND_REACH = 3;
    private static final Set<String> NOT_GERUNDS = Set.of("nothing", "something", "anything", "everything", "morning",
            "evening", "during", "thing", "king", "bring", "spring", "sing", "string");
    /** How far before the match a cue may stand in its clause. */
    private static final int CUE_WINDOW = 12;
    /** How far before a disowning or vouching cue a negation turns it round. */
    private static final int NEGATION_WINDOW = 2;

    /** Someone's words or deeds: "my neighbour swears you should", "don't do what my uncle did". */
    private static final List<RulePattern> REPORTED = cues("""
            said|says|saying|told|tells|telling|suggested|suggests|suggesting|recommended|recommends|reckons|reckoned
            claimed|claims|swears|swore|insisted|insists|advised|advises|posted|wrote|preaches|preached|tell|thinks""");
    private static final List<RulePattern> WARNED_AGAINST = cues("""
            don't|never|not do|try|copy|repeat what ~1
            don't|never make the same mistake ~1""");
    /**
     * Said of the reported advice, after it: the writer will have none of it. Before it, such words may be the report's
     * ("my GP said the worry is nonsense, take double the codeine").
     */
    private static final List<RulePattern> DISOWNING = cues("""
            terrible|awful|bad|dangerous|stupid|dumb|crazy|insane|reckless|irresponsible|horrible|idiotic|risky|worst|harmful advice|idea|tip|suggestion|move ~2
            nonsense|rubbish|bs|bullshit|madness|bonkers|reckless|irresponsible|dangerous|daft|silly|ridiculous|wrong|laughed
            please don't|dont|never ~0
            hurt|harm|kill himself|herself|themselves|yourself ~2
            but|though|however my|the|our doctor|gp|physio|pharmacist|nurse|surgeon|consultant|pt|chiro|specialist ~1
            i|we didn't|won't|wouldn't|never|ignored|refused|declined ~1
            i|we did not ~1
            don't|never listen|follow ~1
            ended|landed up in|him|her|them|me hospital|icu|emergency|er ~3""");
    /** The writer's own temptation: "I was so tempted", "I nearly". */
    private static final List<RulePattern> TEMPTATION = cues("""
            tempted|temptation|urge
            i|we almost|nearly ~1
            i|we wanted|considered|contemplated ~2
            i|we thought about ~2""");
    /** The writer's own past habit: "I used to", or a sentence that starts "Used to". */
    private static final RulePattern USED_TO = RulePattern.compile("used to ~0", Map.of());
    /** After the temptation or habit: the writer did not, or does no more (negations are the point: "not anymore"). */
    private static final List<RulePattern> RESISTED_OR_GIVEN_UP = cues("""
            didn't|resisted|instead|stopped|quit
            did not ~0
            decided against ~0
            thought better ~0
            never again ~0
            no longer ~0
            gave up ~0
            anymore
            lesson|mistake|regret*""");
    /** After the match: the writer vouches for it after all. */
    private static final List<RulePattern> ENDORSEMENT = cues("""
            do|try this|it ~0
            go for it ~1
            trust me ~0
            worked|works great|wonders|perfectly|well|fine|treat|charm ~2
            it|this|that works|worked ~1
            highly recommend ~0
            recommend it|this ~1
            game changer ~0
            you should too ~2
            won't regret ~0
            do the same ~0
            it|this|that helped|helps ~1
            got|gets me through ~0
            never fails|fail ~0
            can't|cant|won't|wont hurt ~0""");

    /** Words that speak to the reader. */
    private static final Set<String> SECOND_PERSON = Set.of("you", "your", "yours", "yourself", "yourselves", "you're",
            "youre", "you've", "you'll", "you'd", "u", "ur", "ya", "yall", "y'all");
    /** Verbs of advice, which at the head of a clause or comma-part tell the reader to do it ("just take double"). */
    private static final Set<String> IMPERATIVES = Set.of("take", "have", "mix", "drink", "pop", "crush", "double",
            "triple", "stop", "ditch", "skip", "forget", "throw", "quit", "wash", "add", "try", "use", "combine", "chuck",
            "knock", "down", "get", "give", "send", "share", "borrow", "lend", "sleep", "put", "leave", "keep", "ignore",
            "wait", "go", "stack", "swallow", "chew", "snort", "hang", "crack", "pull", "let", "dump", "bin", "ask",
            "buy", "order", "shop", "click", "visit", "check", "dm", "pm", "message", "contact", "email", "whatsapp",
            "telegram", "text", "call", "earn", "make", "join", "grab", "sign", "subscribe", "save", "book", "max",
            "crank", "alternate", "twist", "lie", "rub", "download", "hmu", "don't",
            "dont");
    /** Words that may come before an imperative without changing it ("honestly just take", "also just double"). */
    private static final Set<String> LEAD_INS = Set.of("just", "also", "honestly", "simply", "seriously", "really",
            "always", "so", "then", "and", "or", "but", "though", "however", "anyway", "yet", "please", "pls", "plz",
            "definitely", "literally", "basically", "tbh", "ngl", "lol", "guys", "folks", "mate", "hun", "ok", "okay",
            "oh", "yeah", "yes", "yep", "well", "now", "instead", "otherwise", "still", "even", "srsly", "imo", "fr",
            "maybe", "perhaps", "idk", "def", "prob", "probably", "personally", "totally");
    /** "..., and just take an extra painkiller": what follows these heads a part of its own. */
    private static final Set<String> JOINS = Set.of("and", "then", "or", "plus");
    /** "My PT says take double": an imperative passed on straight after a verb of saying is still one. */
    private static final Set<String> SAYING = Set.of("says", "said", "say", "reckons", "swears", "thinks", "insists",
            "goes");
    /** Advice with a modal, whoever its subject ("people should just double their pills"). */
    private static final Set<String> MODALS = Set.of("should", "must", "ought", "gotta", "shud", "shld");
    /** How a question opens; "why not" is advice ("why not just double it?"), not a question. */
    private static final Set<String> QUESTION_OPENERS = Set.of("is", "are", "was", "am", "do", "does", "did", "can",
            "could", "should", "would", "will", "may", "might", "has", "have", "isn't", "can't", "anyone", "anybody",
            "any", "how", "what", "when", "which", "who", "whats", "what's", "where");
    /** The writer recommends it in so many words, wherever in the sentence ("I swear by it", "best trick"). */
    private static final List<RulePattern> RECOMMENDING = cues("""
            i|we|i'd|id swear|recommend|suggest ~2
            best|fave|favourite|favorite trick|hack|tip|way|thing|combo|aid|remedy|cure|painkiller ~2
            only trick|hack|tip|way|thing ~1
            pro tip ~0
            my advice ~0
            i second ~0
            i'd|id|would double|triple|take|mix|crush|stop|skip|ditch|pop ~2
            i|i'd|id wouldn't|wouldnt|would not bother ~1""");
    /**
     * Someone in particular: a sentence naming nobody ("numb legs are just part of sciatica", "whiskey plus a muscle
     * relaxer is the best sleep aid") makes a claim to every reader; one about the writer or another person tells of them.
     */
    private static final Set<String> PERSONAL = Set.of("i", "i'm", "im", "i've", "ive", "i'd", "id", "i'll", "me", "my",
            "mine", "myself", "we", "we're", "we've", "us", "our", "he", "he's", "him", "his", "she", "she's", "her",
            "hers");
    private static final Set<String> SELLERS = Set.of("our", "ours", "we", "we're", "we've", "we'll");
    /** A sentence that tells what happened ("stopping the diazepam was hard, the GP tapered it"). */
    private static final Set<String> PAST = Set.of("was", "wasn't", "were", "weren't", "had", "hadn't", "did", "didn't",
            "got", "went", "took", "gave", "came", "tapered", "stopped", "started");

    private final String text;
    private final List<TextAnalysis.Token> tokens;
    private final CueScope cues;

    AdviceVoice(String text, List<TextAnalysis.Token> tokens, CueScope cues) {
        this.text = TextAnalysis.normalise(text);
        this.tokens = tokens;
        this.cues = cues;
    }

    /** Whose voice the match with these spans is in, within the sentence of tokens [from, to). */
    Voice of(List<RulePattern.Span> spans, int from, int to) {
        int last = spans.stream().mapToInt(RulePattern.Span::lastToken).max().orElseThrow();
        if (vouched(last + 1, to)) {
            return Voice.OWN;
        }
        Voice voice = null;
        for (RulePattern.Span span : spans) {
            Voice spanVoice = ofClause(span.firstToken(), from, to);
            if (spanVoice == Voice.OWN) {
                voice = Voice.OWN; // a clause in the writer's own voice decides: "a friend said rest; double it"
                break;
            }
            voice = voice == null || spanVoice.most.compareTo(voice.most) > 0 ? spanVoice : voice; // the strictest
        }
        if (voice != Voice.OWN) {
            return voice;
        }
        int first = spans.stream().mapToInt(RulePattern.Span::firstToken).min().orElseThrow();
        return practiceDescribed(first) && deniedAfter(last, to) && !imperative(from, to) ? Voice.UNADDRESSED
                : form(from, to);
    }

    /** A negation straight after the match, or a disowning word after it in its clause ("... is a bad idea"). */
    private boolean deniedAfter(int last, int to) {
        for (int i = last + 1; i < Math.min(to, last + 1 + DENIAL_REACH); i++) {
            if (NEGATED_VERBS.contains(tokens.get(i).surface())) {
                return true;
            }
        }
        return said(DISOWNING, last + 1, TextAnalysis.clauseEnd(tokens, last));
    }

    /**
     * Whether the match is the subject its clause talks about, a verb in -ing at the clause's head ("doubling up on
     * codeine is a bad idea", "taking extra naproxen doesn't make it work faster"): a practice described, not advice.
     */
    private boolean practiceDescribed(int matchStart) {
        int head = TextAnalysis.clauseStart(tokens, matchStart);
        while (head < matchStart && LEAD_INS.contains(tokens.get(head).surface())) {
            head++;
        }
        String word = tokens.get(head).surface();
        return matchStart - head <= GERUND_REACH && word.endsWith("ing") && !NOT_GERUNDS.contains(word);
    }

    /**
     * Whether the sentence of tokens [from, to) tells someone to do something: it asks a question (of the reader: at
     * most flagged; of whether it is safe: a safety note), it speaks to the reader, it puts a verb of advice at the
     * head of a clause or comma-part, it advises with "should", the writer recommends in so many words, or it claims
     * it in the present of nobody in particular, so to everyone. If none, nobody is told to do anything
     * ({@link Voice#UNADDRESSED}): at most flagged.
     */
    private Voice form(int from, int to) {
        if (question(from, to)) {
            return any(SECOND_PERSON, from, to) ? Voice.UNADDRESSED : Voice.QUESTION;
        }
        return addressed(from, to) || claimToAll(from, to) ? Voice.OWN : Voice.UNADDRESSED;
    }

    /**
     * Whether the sentence of tokens [from, to) tells the reader to do something, the way an advertisement does too:
     * a statement (not a question) that speaks to the reader, puts a verb of advice at the head of a clause or
     * comma-part, advises with "should", or recommends in so many words.
     */
    boolean addressed(int from, int to) {
        return !question(from, to) && (any(SECOND_PERSON, from, to) || imperative(from, to) || any(MODALS, from, to)
                || said(RECOMMENDING, from, to));
    }

    /** A business speaking ("our online pharmacy ships ...") or a link given: an advertising cue is meant to sell. */
    boolean selling(int from, int to) {
        String sentence = text.substring(tokens.get(from).start(), tokens.get(to - 1).end()).toLowerCase(java.util.Locale.ROOT);
        return any(SELLERS, from, to) || sentence.contains("http") || sentence.contains("www.");
    }

    /** A claim in the present about nobody in particular ("numb legs are just part of sciatica"). */
    private boolean claimToAll(int from, int to) {
        return !any(PERSONAL, from, to) && !any(PAST, from, to);
    }

    /** A sentence that ends with a question mark and opens (or opens a clause) as a question does. */
    private boolean question(int from, int to) {
        int after = to < tokens.size() ? tokens.get(to).start() : text.length();
        if (!text.substring(tokens.get(to - 1).end(), after).contains("?")) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if ((i == from || tokens.get(i).clause() != tokens.get(i - 1).clause())
                    && QUESTION_OPENERS.contains(tokens.get(i).surface())) {
                return true;
            }
        }
        return false;
    }

    /** A verb of advice at the head of the sentence, a clause or a comma-part, or straight after a verb of saying. */
    private boolean imperative(int from, int to) {
        for (int i = from; i < to; i++) {
            boolean head = i == from || tokens.get(i).clause() != tokens.get(i - 1).clause()
                    || text.substring(tokens.get(i - 1).end(), tokens.get(i).start()).matches(".*[,;:!+].*")
                    || JOINS.contains(tokens.get(i - 1).surface());
            if (!head && !SAYING.contains(tokens.get(i - 1).surface())) {
                continue;
            }
            int verb = i;
            while (verb < to - 1 && LEAD_INS.contains(tokens.get(verb).surface())) {
                verb++;
            }
            if (IMPERATIVES.contains(tokens.get(verb).surface())) {
                return true;
            }
        }
        return false;
    }

    private boolean any(Set<String> words, int from, int to) {
        for (int i = from; i < to; i++) {
            if (words.contains(tokens.get(i).surface())) {
                return true;
            }
        }
        return false;
    }

    private Voice ofClause(int matchStart, int from, int to) {
        int cuesFrom = Math.max(TextAnalysis.clauseStart(tokens, matchStart), matchStart - CUE_WINDOW);
        if (firstOf(WARNED_AGAINST, cuesFrom, matchStart) != null) {
            return Voice.DISOWNED_REPORT;
        }
        for (int i = cuesFrom; i < matchStart; i++) {
            RulePattern.Span report = firstOf(REPORTED, i, matchStart);
            if (report == null) {
                break;
            }
            i = report.firstToken();
            if (!firstPerson(i - 1) && said(DISOWNING, matchStart, to)) {
                return Voice.DISOWNED_REPORT;
            }
        }
        RulePattern.Span cue = firstOf(TEMPTATION, cuesFrom, matchStart);
        if (cue == null) {
            RulePattern.Span usedTo = firstOf(List.of(USED_TO), cuesFrom, matchStart);
            cue = usedTo != null && (usedTo.firstToken() == from || firstPerson(usedTo.firstToken() - 1)) ? usedTo : null;
        }
        if (cue == null) {
            return Voice.OWN;
        }
        return firstOf(RESISTED_OR_GIVEN_UP, cue.lastToken() + 1, to) != null ? Voice.RESISTED_OR_GIVEN_UP
                : Voice.TEMPTATION_OR_HABIT;
    }

    /** Words vouching for the advice from token {@code from} to the end of this sentence and the next one. */
    private boolean vouched(int from, int sentenceEnd) {
        int to = sentenceEnd;
        while (to < tokens.size() && sentenceEnd > 0 && tokens.get(to).sentence() == tokens.get(sentenceEnd - 1).sentence() + 1) {
            to++;
        }
        return said(ENDORSEMENT, from, to);
    }

    /**
     * Whether one of these cues stands in tokens [from, to), not negated right before it ("it's not terrible advice",
     * "don't do it"); a negation further back belongs to other words ("it isn't, trust me").
     */
    private boolean said(List<RulePattern> phrases, int from, int to) {
        for (RulePattern phrase : phrases) {
            for (int start = from; start < to; start++) {
                List<RulePattern.Span> spans = phrase.match(tokens, start, to);
                if (spans == null) {
                    break;
                }
                start = spans.get(0).firstToken();
                if (!cues.negatedRightBefore(start, NEGATION_WINDOW)) {
                    return true;
                }
            }
        }
        return false;
    }

    private RulePattern.Span firstOf(List<RulePattern> phrases, int from, int to) {
        RulePattern.Span first = null;
        for (RulePattern phrase : phrases) {
            List<RulePattern.Span> spans = phrase.match(tokens, from, to);
            if (spans != null && (first == null || spans.get(0).firstToken() < first.firstToken())) {
                first = spans.get(0);
            }
        }
        return first;
    }

    private boolean firstPerson(int token) {
        return token >= 0 && (tokens.get(token).surface().equals("i") || tokens.get(token).surface().equals("we"));
    }

    private static List<RulePattern> cues(String lines) {
        return ScreeningEngine.compileLines(lines, Map.of());
    }
}
