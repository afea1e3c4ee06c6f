package org.healthcode.declaration.domain;

/** An organisation's registration as sent: its unified social credit code and its name. */
public record OrganisationForm(String uscc, String name) {
}
