package org.healthcode.declaration.domain;

public enum Symptom {
    FEVER, FATIGUE, DRY_COUGH, STUFFY_NOSE, RUNNY_NOSE, SORE_THROAT, DIARRHOEA
}
