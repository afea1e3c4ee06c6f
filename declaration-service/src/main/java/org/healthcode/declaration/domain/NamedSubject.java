package org.healthcode.declaration.domain;

import org.healthcode.kit.region.Regions;

/** A registered subject's masked name and region: what a staff read of a masked name touches. */
public record NamedSubject(String subjectId, String maskedName, String regionCode) {

    public MaskedName masked() {
        return new MaskedName(subjectId, maskedName);
    }

    /** Whose data it is. */
    public String province() {
        return Regions.provinceOf(regionCode);
    }
}
