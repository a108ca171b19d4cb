package io.backstory.mail;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads a sent mail back: the dev mailbox page shows its parts, and the mail tests check them. */
public final class MailParts {

    private MailParts() {
    }

    /** The first part of this MIME type, searched depth first through multiparts; null if there is none. */
    public static String ofType(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = ofType(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
