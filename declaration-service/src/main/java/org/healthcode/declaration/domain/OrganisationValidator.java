package org.healthcode.declaration.domain;

import java.util.Locale;

/** Checks organisations' registrations and joining requests; every problem at once, never quoting the input. */
public final class OrganisationValidator {

    public static final int MAX_NAME = 100;

    public record Registration(String uscc, String name, String province) {
    }

    private OrganisationValidator() {
    }

    public static Registration registration(OrganisationForm form) {
        Violations problems = new Violations();
        if (form == null) {
            problems.add("body", "is required");
            problems.throwIfAny();
        }
        String uscc = problems.required(form.uscc(), "uscc");
        if (uscc != null) {
            uscc = uscc.strip().toUpperCase(Locale.ROOT);
            String problem = Uscc.problem(uscc);
            if (problem != null) {
                problems.add("uscc", problem);
            }
        }
        String name = problems.required(form.name(), "name");
        if (name != null) {
            name = name.strip();
            if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
                problems.add("name", "must be at most " + MAX_NAME + " characters, without control characters");
            }
        }
        problems.throwIfAny();
        return new Registration(uscc, name, Uscc.province(uscc));
    }

    /** The invitation code, once the person has explicitly consented to joining. */
    public static String join(JoinForm form) {
        Violations problems = new Violations();
        if (form == null) {
            problems.add("body", "is required");
            problems.throwIfAny();
        }
        String code = problems.required(form.invitationCode(), "invitationCode");
        if (code != null) {
            code = code.strip().toUpperCase(Locale.ROOT);
            if (!code.matches("[0-9A-Z]{8}")) {
                problems.add("invitationCode", "must be the organisation's 8-character invitation code");
            }
        }
        if (!Boolean.TRUE.equals(form.consent())) {
            problems.add("consent", "must be true: joining shows your masked name, colour and today's declaration "
                    + "and check-in to the organisation");
        }
        problems.throwIfAny();
        return code;
    }
}
