package org.healthcode.e2e;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Made-up residents with well-formed documents, different on every run. */
public final class Residents {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private Residents() {
    }

    /** A resident ID number (GB 11643) with a valid check digit, born in 330106. */
    public static String idNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 60));
        String body = "330106" + born.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }

    public static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A Chinese name that no log line or event could contain by accident. */
    public static String name() {
        String[] family = {"赵", "钱", "孙", "李", "周", "吴", "郑", "王"};
        String[] given = {"子涵", "浩然", "雨桐", "梓萱", "俊熙", "思远", "嘉怡", "明轩"};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return family[random.nextInt(family.length)] + given[random.nextInt(given.length)];
    }

    public static Map<String, Object> registration(String name, String idNumber, String phone) {
        return Map.of("name", name, "documentType", "RESIDENT_ID", "documentNumber", idNumber,
                "phone", phone, "regionCode", "330106");
    }

    public static String account() {
        return "account-" + UUID.randomUUID();
    }
}
