package org.healthcode.declaration.domain;

/** Joining an organisation: its invitation code and the person's explicit consent to its roster. */
public record JoinForm(String invitationCode, Boolean consent) {
}
