package org.healthcode.risk.domain;

import java.time.Instant;

/** The level the authority set for a region (province, city or county), and when. */
public record AreaRisk(String regionCode, RiskLevel level, Instant updatedAt) {
}
