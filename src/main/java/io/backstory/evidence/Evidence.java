package io.backstory.evidence;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An evidence table: rows with enough reports, best lower bound first, and the rest. */
public record Evidence(List<EvidenceRow> ranked, List<EvidenceRow> tooFewReports) {

    @JsonIgnore
    public boolean isEmpty() {
        return ranked.isEmpty() && tooFewReports.isEmpty();
    }
}
