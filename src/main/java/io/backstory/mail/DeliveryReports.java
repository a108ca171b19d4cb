package io.backstory.mail;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.angus.mail.dsn.DeliveryStatus;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;

/**
 * Reads a delivery status notification (RFC 3464): the {@code multipart/report} a mail server sends back to a mail's
 * bounce address when it could not deliver it. Parsing is Angus Mail's ({@link DeliveryStatus}); this class only picks
 * the recipients a report gives up on for good.
 */
final class DeliveryReports {

    /** A recipient the report says can never be reached at this address, with the server's reasons. */
    record PermanentFailure(String address, String status, String diagnostic) {

        /** What the member reads in their mail settings. */
        String reason() {
            return "Their mail server returned our mail (status " + status + (diagnostic == null ? "" : ": " + diagnostic)
                    + "). Check the address, or enter another one.";
        }
    }

    private DeliveryReports() {
    }

    /** Whether {@code message} is a delivery report at all (an out-of-office reply or other mail is not). */
    static boolean isDeliveryReport(Part message) throws MessagingException {
        if (!message.isMimeType("multipart/report")) {
            return false;
        }
        String reportType = new ContentType(message.getContentType()).getParameter("report-type");
        return reportType != null && reportType.equalsIgnoreCase("delivery-status");
    }

    /**
     * The recipients the report marks {@code Action: failed} with a permanent ({@code 5.x.x}) status. A temporary
     * failure (4.x.x: a full mailbox, a server away) or a delay stops nothing: the next mail may well arrive.
     */
    static List<PermanentFailure> permanentFailures(Part message) throws MessagingException, IOException {
        List<PermanentFailure> failures = new ArrayList<>();
        if (!isDeliveryReport(message) || !(message.getContent() instanceof Multipart parts)) {
            return failures;
        }
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (!part.isMimeType("message/delivery-status")) {
                continue;
            }
            DeliveryStatus status;
            try (InputStream in = part.getInputStream()) {
                status = new DeliveryStatus(in);
            }
            for (int r = 0; r < status.getRecipientDSNCount(); r++) {
                InternetHeaders recipient = status.getRecipientDSN(r);
                String action = recipient.getHeader("Action", null);
                String code = recipient.getHeader("Status", null);
                String address = address(recipient.getHeader("Final-Recipient", null));
                if (address == null) {
                    address = address(recipient.getHeader("Original-Recipient", null));
                }
                if (address != null && "failed".equalsIgnoreCase(trimmed(action)) && code != null && trimmed(code).startsWith("5")) {
                    failures.add(new PermanentFailure(address, trimmed(code), diagnostic(recipient.getHeader("Diagnostic-Code", null))));
                }
            }
        }
        return failures;
    }

    /** The address of a recipient field such as {@code rfc822; someone@example.org}, or null if it names none. */
    static String address(String field) {
        if (field == null) {
            return null;
        }
        int semicolon = field.indexOf(';');
        String type = semicolon < 0 ? "rfc822" : field.substring(0, semicolon).trim().toLowerCase(Locale.ROOT);
        String address = field.substring(semicolon + 1).replaceAll("\\s+", "").replaceAll("^<|>$", "");
        return (type.equals("rfc822") || type.equals("utf-8")) && address.contains("@") ? address : null;
    }

    /** The server's own words, without the {@code smtp;} type and shortened for the settings page. */
    private static String diagnostic(String field) {
        if (field == null || field.isBlank()) {
            return null;
        }
        String text = field.replaceAll("\\s+", " ").replaceFirst("(?i)^\\s*smtp\\s*;\\s*", "").trim();
        return MailRecipients.shortened(text, 200);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
