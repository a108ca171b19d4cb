package io.backstory.platform;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nu.validator.client.EmbeddedValidator;

/** The W3C Nu Html Checker, embedded: the errors it finds in a page, one line each. */
public final class HtmlChecker {

    private HtmlChecker() {
    }

    public static List<String> errors(String html) {
        try {
            EmbeddedValidator validator = new EmbeddedValidator();
            // GNU format: "file:line.col-line.col: error: message".
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
            String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            List<String> errors = new ArrayList<>();
            for (String line : report.split("\\R")) {
                if (line.contains(": error:") || line.contains(": fatal:") || line.contains("non-document-error")) {
                    errors.add(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            return errors;
        } catch (Exception e) {
            throw new IllegalStateException("The Nu checker failed: " + e, e);
        }
    }
}
