package io.backstory.moderation.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The labelled sentences the model learns from, written for the project in batches, and the rules' fixture. A fixed
 * fifth of them, chosen by the sentence's own text, is the evaluation split: never trained on, so a retrain is judged
 * on sentences neither model has seen.
 */
public final class TrainingData {

    static final List<String> FILES = List.of(
            "moderation/screening-fixture.tsv",
            "screening/training/batch-01.tsv",
            "screening/training/batch-02.tsv",
            "screening/training/batch-03.tsv",
            "screening/training/batch-04.tsv",
            "screening/training/batch-05.tsv",
            "screening/training/batch-06.tsv",
            "screening/training/batch-07.tsv",
            "screening/training/batch-08.tsv",
            "screening/training/batch-09.tsv",
            "screening/training/batch-10.tsv",
            "screening/training/batch-11.tsv",
            "screening/training/batch-12.tsv",
            "screening/training/batch-13.tsv",
            "screening/training/batch-14.tsv",
            "screening/training/batch-15.tsv",
            "screening/training/batch-16.tsv",
            "screening/training/batch-17.tsv",
            "screening/training/batch-18.tsv",
            "screening/training/batch-19.tsv",
            "screening/training/batch-20.tsv",
            "screening/training/batch-21.tsv",
            "screening/training/batch-22.tsv",
            "screening/training/batch-23.tsv",
            "screening/training/batch-24.tsv",
            "screening/training/batch-25.tsv",
            "screening/training/batch-26.tsv",
            "screening/training/batch-27.tsv",
            "screening/training/batch-28.tsv",
            "screening/training/batch-29.tsv",
            "screening/training/batch-30.tsv",
            "screening/training/batch-31.tsv",
            "screening/training/batch-32.tsv",
            "screening/training/batch-33.tsv");

    private TrainingData() {
    }

    public static List<LabelledSentence> all() {
        List<LabelledSentence> sentences = new ArrayList<>();
        FILES.forEach(file -> sentences.addAll(LabelledSentence.read(file)));
        return sentences;
    }

    public static boolean isEvaluation(String sentence) {
        return Math.floorMod(sentence.hashCode(), 5) == 0;
    }
}
