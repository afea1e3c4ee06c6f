package org.healthcode.risk.domain;

/**
 * A count as the public sees it. From 1 to {@code threshold - 1} it is only "fewer than
 * {@code threshold}" ({@code value} null), so that nobody can be singled out in a small region; 0
 * and counts from the threshold up are given as they are. 0 is shown because it says nothing about
 * anyone, and a region without cases should not read like one with a few.
 */
public record PublicCount(Long value, Integer fewerThan) {

    public static PublicCount of(long count, int threshold) {
        if (count > 0 && count < threshold) {
            return new PublicCount(null, threshold);
        }
        return new PublicCount(count, null);
    }
}
