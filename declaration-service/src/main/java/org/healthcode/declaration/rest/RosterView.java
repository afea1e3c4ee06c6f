package org.healthcode.declaration.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.healthcode.declaration.service.OrganisationService.Roster;

/**
 * Today's roster of an organisation: for each person who joined, their masked name and whether
 * today's declaration and check-in are done. Nothing of what they declared, where they were or why
 * their colour is what it is. Never printed.
 */
public record RosterView(UUID organisationId, String name, LocalDate date, List<Line> items) {

    public record Line(UUID memberId, String subjectId, String maskedName, boolean declaredToday,
            boolean checkedInToday) {
    }

    public static RosterView of(Roster roster, LocalDate date) {
        return new RosterView(roster.organisation().id, roster.organisation().name, date, roster.lines().stream()
                .map(line -> new Line(line.memberId(), line.subjectId(), line.maskedName(), line.declaredToday(),
                        line.checkedInToday()))
                .toList());
    }

    @Override
    public String toString() {
        return "RosterView[" + organisationId + ", " + items.size() + " lines]";
    }
}
