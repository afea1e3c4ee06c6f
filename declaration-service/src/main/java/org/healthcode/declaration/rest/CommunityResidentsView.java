package org.healthcode.declaration.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.healthcode.declaration.domain.CheckinStatus;
import org.healthcode.declaration.service.CommunityService.Residents;

/**
 * The residents of a community as its worker's gateway receives them: masked name, whether a
 * dependent, and today's submission (DONE, DUE, MISSED). The subjectId is for the gateway to add
 * each one's colour; nothing of what anyone declared. Never printed.
 */
public record CommunityResidentsView(UUID venueId, LocalDate date, List<Line> items) {

    public record Line(UUID lineId, String subjectId, String maskedName, boolean dependent, CheckinStatus checkin) {
    }

    public static CommunityResidentsView of(Residents residents) {
        return new CommunityResidentsView(residents.venueId(), residents.date(), residents.lines().stream()
                .map(line -> new Line(line.lineId(), line.subjectId(), line.maskedName(), line.dependent(),
                        line.checkin()))
                .toList());
    }

    @Override
    public String toString() {
        return "CommunityResidentsView[" + venueId + ", " + items.size() + " lines]";
    }
}
