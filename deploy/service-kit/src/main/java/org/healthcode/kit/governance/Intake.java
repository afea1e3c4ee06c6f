package org.healthcode.kit.governance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (or every method of a resource class) that takes in new personal data:
 * a registration, a declaration, a check-in, a scan, a case report, an appeal, an import. Once the
 * emergency has ended it answers 409 EMERGENCY_ENDED and changes nothing ({@link EmergencyEnd}),
 * whichever port the request came in on. Reads are not intake: they keep working until the
 * destruction.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Intake {
}
