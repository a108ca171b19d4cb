package io.backstory.moderation.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.backstory.moderation.CueScope;

/**
 * What a sentence embedding blurs and the verdict hangs on: is it quoted or reported, negated, addressed to the
 * reader, about the writer, a question, does it name a professional or an emergency visit, does it sell, does it
 * speak of what might happen ("come back if you get numbness", the rules' {@link CueScope}). Each is 0 or 1, appended
 * to the embedding, so the regression can learn that "you should double it" and "someone said to double it, which
 * is terrible advice" differ, and that "watch for numbness in the groin" is no symptom.
 */
final class ContextFeatures {

    /** A health professional named. */
    private static final Pattern PROFESSIONAL = Pattern.compile(
            "\\b(doctor|doc|gp|physio|pt|therapist|surgeon|pharmacist|nurse|consultant|neurologist|chiro\\w*|clinic|professional|specialist|medic)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final List<Pattern> FEATURES = List.of(
            Pattern.compile("[\"“”']\\s*\\w|\\b(said|says|told|suggested|claims?)\\b.*\\b(terrible|bad|dangerous|awful|wrong)\\b"),
            Pattern.compile("\\b(no|not|never|don'?t|didn'?t|doesn'?t|won'?t|wouldn'?t|shouldn'?t|without|please don'?t)\\b"),
            Pattern.compile("\\b(you|your|u|ur|ya|yourself)\\b"),
            Pattern.compile("\\b(i|my|me|i'm|im|i've|ive|mine|myself)\\b"),
            Pattern.compile("\\?"),
            PROFESSIONAL,
            Pattern.compile("\\b(er|a&e|emergency|hospital|urgent care|ambulance|111|911|999)\\b"),
            Pattern.compile("(\\bdm me\\b|\\blink in\\b|\\bcode\\b|%\\s*off|\\$\\d|\\border\\b|\\bbuy\\b)"));

    static final int COUNT = FEATURES.size() + 1;

    private ContextFeatures() {
    }

    /** The sentence with every professional named replaced by "someone" ({@link ScreeningModel#forSecondOpinion}). */
    static String withoutProfessionals(String sentence) {
        return PROFESSIONAL.matcher(sentence).replaceAll("someone");
    }

    static float[] of(String sentence) {
        String text = sentence.toLowerCase(Locale.ROOT).replace('’', '\'');
        float[] features = new float[COUNT];
        for (int i = 0; i < FEATURES.size(); i++) {
            features[i] = FEATURES.get(i).matcher(text).find() ? 1f : 0f;
        }
        features[FEATURES.size()] = CueScope.hasHypothetical(sentence) ? 1f : 0f;
        return features;
    }
}
