package io.backstory.moderation.model;

/** What the screening model asks of its learnt part: the probability of each label for one row of features. */
interface Classifier {

    double[] probabilities(float[] row);

    /** Learns from rows {@code x} with label indices {@code y} in [0, labels), each label's loss scaled by its weight. */
    @FunctionalInterface
    interface Learner {
        Classifier train(float[][] x, int[] y, int labels, double[] classWeight);
    }
}
