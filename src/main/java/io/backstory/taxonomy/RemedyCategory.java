package io.backstory.taxonomy;

public enum RemedyCategory {
    MOVEMENT("Movement"),
    MANUAL_THERAPY("Manual therapy"),
    MEDICATION("Medication"),
    HEAT_COLD("Heat and cold"),
    MIND_BODY("Mind and body"),
    LIFESTYLE("Lifestyle"),
    PROFESSIONAL_CARE("Professional care"),
    DEVICE("Device");

    public final String label;

    RemedyCategory(String label) {
        this.label = label;
    }
}
