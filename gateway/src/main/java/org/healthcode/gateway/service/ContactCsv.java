package org.healthcode.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A case's contacts as CSV (RFC 4180: comma, CRLF, quotes where needed), one row per contact with
 * its masked name. A cell that a spreadsheet would run as a formula (=, +, -, @) gets a leading
 * apostrophe: a masked name is what a person chose to register, and the file is opened by staff.
 */
public final class ContactCsv {

    public static final String HEADER = "contactSubjectId,maskedName,degree,exposure,venueId,overlapFrom,overlapTo,homeProvince\r\n";

    private ContactCsv() {
    }

    /** The rows of one page's {@code items}, named from {@code names} (subjectId → masked name). */
    public static String rows(JsonNode items, Map<String, String> names) {
        StringBuilder rows = new StringBuilder();
        for (JsonNode item : items) {
            String subjectId = text(item.get("contactSubjectId"));
            rows.append(cell(subjectId)).append(',')
                    .append(cell(subjectId == null ? null : names.get(subjectId))).append(',')
                    .append(cell(text(item.get("degree")))).append(',')
                    .append(cell(text(item.get("exposure")))).append(',')
                    .append(cell(text(item.get("venueId")))).append(',')
                    .append(cell(text(item.get("overlapFrom")))).append(',')
                    .append(cell(text(item.get("overlapTo")))).append(',')
                    .append(cell(text(item.get("homeProvince")))).append("\r\n");
        }
        return rows.toString();
    }

    /** The download's file name, from the case id cut down to characters that are safe in a header. */
    public static String fileName(String caseId) {
        return "case-" + caseId.replaceAll("[^A-Za-z0-9._-]", "_") + "-contacts.csv";
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String cell = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\r") || cell.contains("\n")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}
