package io.backstory.accounts;

/**
 * Fired when a member comes back from logging in, with the e-mail address their identity provider vouches for (its
 * {@code email} claim with {@code email_verified} true), or null. mail/ uses it as the member's address if they have none.
 */
public record MemberLoggedIn(long memberId, String verifiedEmail) {
}
