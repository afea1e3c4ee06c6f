package org.healthcode.kit.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;

/**
 * Reads an import file into rows: CSV with a header row ({@code text/csv}) or one JSON object per
 * line ({@code application/x-ndjson}), UTF-8 (a byte-order mark is skipped). What is wrong with the
 * whole file is a 4xx {@link ApiException}; what is wrong with one NDJSON line is that row's refusal.
 * Messages give row numbers and column names, never a value.
 */
public final class ImportFile {

    public static final String CSV = "text/csv";
    public static final String NDJSON = "application/x-ndjson";

    public static final String UNSUPPORTED = "UNSUPPORTED_MEDIA_TYPE";
    public static final String EMPTY = "IMPORT_EMPTY";
    public static final String MALFORMED = "IMPORT_MALFORMED";
    public static final String TOO_MANY_ROWS = "IMPORT_TOO_MANY_ROWS";

    private static final CsvMapper CSV_MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The rows read, and the NDJSON lines refused as they were read. */
    public record Parsed(List<ImportRow> rows, List<ImportReport.Refusal> malformed) {

        public int count() {
            return rows.size() + malformed.size();
        }
    }

    private ImportFile() {
    }

    /** The format named by a Content-Type (parameters such as {@code charset} ignored); else 415. */
    public static String format(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals(CSV) || type.equals(NDJSON)) {
            return type;
        }
        throw new ApiException(415, UNSUPPORTED, "An import is text/csv (with a header row) or application/x-ndjson");
    }

    /**
     * The file's rows: 400 IMPORT_EMPTY without any, IMPORT_MALFORMED when it cannot be read (not
     * UTF-8, a broken CSV record, a header without a required column); 413 IMPORT_TOO_MANY_ROWS over
     * {@code maxRows}.
     */
    public static Parsed parse(String format, byte[] body, List<String> columns, int maxRows) {
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Parsed parsed = format.equals(CSV) ? csv(text, columns, maxRows) : ndjson(text, maxRows);
        if (parsed.count() == 0) {
            throw new ApiException(400, EMPTY, "The file has no rows");
        }
        return parsed;
    }

    private static Parsed csv(String text, List<String> columns, int maxRows) {
        List<ImportRow> rows = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> records = CSV_MAPPER.readerForMapOf(String.class).with(schema)
                .readValues(text)) {
            boolean headerChecked = false;
            while (records.hasNextValue()) {
                Map<String, String> record = records.nextValue();
                if (!headerChecked) {
                    checkHeader((CsvParser) records.getParser(), columns);
                    headerChecked = true;
                }
                if (rows.size() == maxRows) {
                    throw tooMany(maxRows);
                }
                Map<String, String> fields = new LinkedHashMap<>();
                record.forEach((column, value) -> {
                    if (column != null && value != null) {
                        fields.put(column.strip(), value.strip());
                    }
                });
                rows.add(new ImportRow(rows.size() + 1, fields));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException refusal) {
                throw refusal;
            }
            throw new ApiException(400, MALFORMED, "The CSV file cannot be read after row " + rows.size()
                    + " (a record with more fields than the header, or an unclosed quote)");
        }
        return new Parsed(rows, List.of());
    }

    private static void checkHeader(CsvParser parser, List<String> columns) {
        List<String> header = new ArrayList<>();
        parser.getSchema().forEach(column -> header.add(column.getName().strip()));
        List<ApiError.Detail> missing = columns.stream().filter(column -> !header.contains(column))
                .map(column -> new ApiError.Detail(column, "is not a column of the header row")).toList();
        if (!missing.isEmpty()) {
            throw new ApiException(400, MALFORMED, "The header row lacks required columns", missing);
        }
    }

    private static Parsed ndjson(String text, int maxRows) {
        List<ImportRow> rows = new ArrayList<>();
        List<ImportReport.Refusal> malformed = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (++n > maxRows) {
                throw tooMany(maxRows);
            }
            try {
                rows.add(new ImportRow(n, fields(JSON.readTree(line))));
            } catch (RowRefused refused) {
                malformed.add(refused.at(n));
            } catch (JsonProcessingException e) {
                malformed.add(new ImportReport.Refusal(n, RowRefused.MALFORMED_ROW, null, "is not a JSON object"));
            }
        }
        return new Parsed(rows, malformed);
    }

    private static Map<String, String> fields(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new RowRefused(RowRefused.MALFORMED_ROW, null, "is not a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (var entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isValueNode()) {
                fields.put(entry.getKey().strip(), value.asText().strip());
            } else if (value.isArray()) {
                StringJoiner joined = new StringJoiner(";");
                for (JsonNode element : value) {
                    if (!element.isValueNode() || element.isNull()) {
                        throw new RowRefused(RowRefused.MALFORMED_ROW, entry.getKey(), "must hold plain values only");
                    }
                    joined.add(element.asText().strip());
                }
                fields.put(entry.getKey().strip(), joined.toString());
            } else {
                throw new RowRefused(RowRefused.MALFORMED_ROW, entry.getKey(), "must be a plain value or an array");
            }
        }
        return fields;
    }

    private static ApiException tooMany(int maxRows) {
        return new ApiException(413, TOO_MANY_ROWS, "An import file has at most " + maxRows
                + " rows: split it (rows already taken in are not applied twice)");
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, MALFORMED, "The file is not UTF-8 text");
        }
    }
}
