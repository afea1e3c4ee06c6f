package org.healthcode.declaration.domain;

/** The authority's answer to an appeal: the colour was wrong (upheld) or stands (rejected). */
public enum AppealDecision {
    UPHELD, REJECTED;

    public AppealStatus status() {
        return AppealStatus.valueOf(name());
    }
}
