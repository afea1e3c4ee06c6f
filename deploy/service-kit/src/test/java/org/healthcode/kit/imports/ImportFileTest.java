package org.healthcode.kit.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.healthcode.kit.web.ApiException;
import org.junit.jupiter.api.Test;

class ImportFileTest {

    private static final List<String> COLUMNS = List.of("documentType", "documentNumber");

    private static ImportFile.Parsed parse(String format, String text) {
        return ImportFile.parse(format, text.getBytes(StandardCharsets.UTF_8), COLUMNS, 3);
    }

    @Test
    void csvRowsAreNumberedFromOneAfterTheHeaderWithTrimmedFields() {
        var parsed = parse(ImportFile.CSV, "\uFEFFdocumentType, documentNumber ,regions\n"
                + "PASSPORT, E1234567 ,\"110000;310000\"\n\nRESIDENT_ID,X\n");
        assertEquals(2, parsed.rows().size());
        assertEquals(1, parsed.rows().get(0).row());
        assertEquals("E1234567", parsed.rows().get(0).required("documentNumber"));
        assertEquals("110000;310000", parsed.rows().get(0).optional("regions"));
        assertEquals(2, parsed.rows().get(1).row());
        assertNull(parsed.rows().get(1).optional("regions"), "a missing trailing field is absent");
        RowRefused missing = assertThrows(RowRefused.class, () -> parsed.rows().get(1).required("regions"));
        assertEquals(RowRefused.MISSING_FIELD, missing.code());
        assertEquals("regions", missing.field());
    }

    @Test
    void aCsvHeaderWithoutARequiredColumnRefusesTheFileNamingTheColumn() {
        ApiException e = assertThrows(ApiException.class, () -> parse(ImportFile.CSV, "documentType,number\nA,B\n"));
        assertEquals(400, e.status());
        assertEquals(ImportFile.MALFORMED, e.toError().error());
        assertEquals("documentNumber", e.toError().details().get(0).field());
    }

    @Test
    void aBrokenCsvRecordRefusesTheFileWithoutQuotingIt() {
        ApiException e = assertThrows(ApiException.class,
                () -> parse(ImportFile.CSV, "documentType,documentNumber\nA,B,SECRET123\n"));
        assertEquals(ImportFile.MALFORMED, e.toError().error());
        assertFalse(e.getMessage().contains("SECRET123"));
    }

    @Test
    void ndjsonLinesAreRowsAndABadLineIsRefusedAlone() {
        var parsed = parse(ImportFile.NDJSON, "{\"documentType\":\"PASSPORT\",\"regions\":[\"110000\",\"310000\"]}\n"
                + "\n" + "not json SECRET\r\n" + "{\"documentType\":{\"nested\":1}}\n");
        assertEquals(1, parsed.rows().size());
        assertEquals("110000;310000", parsed.rows().get(0).required("regions"));
        assertEquals(2, parsed.malformed().size());
        assertEquals(2, parsed.malformed().get(0).row(), "blank lines are not counted");
        assertEquals(RowRefused.MALFORMED_ROW, parsed.malformed().get(0).code());
        assertEquals("documentType", parsed.malformed().get(1).field());
        assertFalse(parsed.malformed().toString().contains("SECRET"));
    }

    @Test
    void tooManyRowsEmptyFilesAndOtherTypesAreRefusedWhole() {
        ApiException many = assertThrows(ApiException.class, () -> parse(ImportFile.NDJSON, "{}\n{}\n{}\n{}\n"));
        assertEquals(413, many.status());
        assertEquals(ImportFile.TOO_MANY_ROWS, many.toError().error());
        ApiException empty = assertThrows(ApiException.class, () -> parse(ImportFile.CSV, "documentType,documentNumber\n"));
        assertEquals(ImportFile.EMPTY, empty.toError().error());
        ApiException notUtf8 = assertThrows(ApiException.class, () -> ImportFile.parse(ImportFile.CSV,
                new byte[] {(byte) 0xC3, (byte) 0x28}, COLUMNS, 3));
        assertEquals(ImportFile.MALFORMED, notUtf8.toError().error());
        assertEquals(415, assertThrows(ApiException.class, () -> ImportFile.format("application/json")).status());
        assertEquals(415, assertThrows(ApiException.class, () -> ImportFile.format(null)).status());
        assertEquals(ImportFile.CSV, ImportFile.format("text/csv; charset=utf-8"));
        assertTrue(ImportFile.format("Application/X-NDJSON").equals(ImportFile.NDJSON));
    }
}
