package io.backstory.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page endpoint that takes forms sent after the login session ran out ({@link CsrfGuard}): from a visitor, the
 * form's CSRF token cannot be tied to a session any more, so only the rest of the guard applies (same origin, the
 * token present and equal to its cookie). The endpoint must change nothing anyone else could see.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AcceptsLapsedSession {
}
