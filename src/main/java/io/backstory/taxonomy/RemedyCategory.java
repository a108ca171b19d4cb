package io.backstory.taxonomy;

/** Groups of remedies; the labels are what a reader sees, in everyday words. */
public enum RemedyCategory {
    MOVEMENT("Movement and exercise"),
    MANUAL_THERAPY("Hands-on treatment (massage, manipulation)"),
    MEDICATION("Medicines and supplements"),
    HEAT_COLD("Heat and cold"),
    MIND_BODY("Mind and body (relaxation, yoga)"),
    LIFESTYLE("Everyday habits (sleep, posture, rest)"),
    PROFESSIONAL_CARE("Treatment by a professional"),
    DEVICE("Devices and supports");

    public final String label;

    RemedyCategory(String label) {
        this.label = label;
    }
}
