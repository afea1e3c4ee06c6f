package org.healthcode.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactCsvTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRowPerContactInTheHeadersOrder() throws Exception {
        JsonNode items = json.readTree("""
                [{"contactSubjectId":"AAAAAAAAAAAAAAAAAAAAAA","degree":1,"exposure":"CLOSE","venueId":"v1",
                  "overlapFrom":"2026-11-20T02:00:00Z","overlapTo":"2026-11-20T02:30:00Z","homeProvince":null},
                 {"contactSubjectId":"BBBBBBBBBBBBBBBBBBBBBB","degree":2,"exposure":"TRANSPORT","venueId":"v2",
                  "overlapFrom":"2026-11-20T03:00:00Z","overlapTo":null,"homeProvince":"310000"}]""");
        assertEquals("contactSubjectId,maskedName,degree,exposure,venueId,overlapFrom,overlapTo,homeProvince\r\n", ContactCsv.HEADER);
        assertEquals("AAAAAAAAAAAAAAAAAAAAAA,张*三,1,CLOSE,v1,2026-11-20T02:00:00Z,2026-11-20T02:30:00Z,\r\n"
                        + "BBBBBBBBBBBBBBBBBBBBBB,,2,TRANSPORT,v2,2026-11-20T03:00:00Z,,310000\r\n",
                ContactCsv.rows(items, Map.of("AAAAAAAAAAAAAAAAAAAAAA", "张*三")));
    }

    @Test
    void cellsAreQuotedWhereCsvNeedsIt() {
        assertEquals("\"J*, Jr.\"", ContactCsv.cell("J*, Jr."));
        assertEquals("\"O\"\"*n\"", ContactCsv.cell("O\"*n"));
        assertEquals("\"a\nb\"", ContactCsv.cell("a\nb"));
        assertEquals("", ContactCsv.cell(null));
    }

    @Test
    void aCellThatASpreadsheetWouldRunIsDefused() {
        assertEquals("'=*1", ContactCsv.cell("=*1"));
        assertEquals("'+*x", ContactCsv.cell("+*x"));
        assertEquals("'-*x", ContactCsv.cell("-*x"));
        assertEquals("'@*x", ContactCsv.cell("@*x"));
        assertEquals("\"'=a,b\"", ContactCsv.cell("=a,b"));
    }

    @Test
    void theFileNameKeepsOnlyHeaderSafeCharacters() {
        assertEquals("case-7a0c2f4e-0000-4000-8000-000000000003-contacts.csv",
                ContactCsv.fileName("7a0c2f4e-0000-4000-8000-000000000003"));
        assertEquals("case-x__y_z-contacts.csv", ContactCsv.fileName("x\"\ny;z"));
    }
}
