package org.healthcode.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.healthcode.gateway.upstream.CodeIssuerColoursClient.ColourOf;
import org.junit.jupiter.api.Test;

/** Who a community worker is shown: yellow, red or a missed day; the others only when all are asked for. */
class CommunityResidentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void yellowRedAndMissedNeedAttentionAndNoPseudonymLeaves() throws Exception {
        ObjectNode list = CommunityResidents.withColours(answer(), lines(), colours(), false);
        assertEquals(List.of("张*一", "李*二", "王*三"), names(list));
        assertFalse(list.toString().contains("subject"), list.toString());
        assertEquals("maskedName,colour,checkin,dependent,attention\r\n"
                + "张*一,YELLOW,DUE,false,true\r\n"
                + "李*二,RED,DONE,true,true\r\n"
                + "王*三,,MISSED,false,true\r\n", CommunityResidents.csv(list));
    }

    @Test
    void allListsEveryoneWithAttentionFalseForTheRest() throws Exception {
        ObjectNode list = CommunityResidents.withColours(answer(), lines(), colours(), true);
        assertEquals(List.of("张*一", "李*二", "王*三", "赵*四", "=cmd"), names(list));
        assertFalse(list.path("items").get(3).path("attention").asBoolean());
        // a cell a spreadsheet would run is defused
        assertEquals("'=cmd,GREEN,DUE,false,false\r\n", CommunityResidents.csv(list).lines()
                .skip(5).findFirst().orElseThrow() + "\r\n");
    }

    private static ObjectNode answer() throws Exception {
        return (ObjectNode) JSON.readTree("{\"venueId\":\"6f1c1c52-3b0e-4f43-9a55-0f7d2c1e8a10\",\"date\":\"2026-12-06\"}");
    }

    private static List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        JSON.readTree("""
                [{"lineId":"1","subjectId":"s1","maskedName":"张*一","dependent":false,"checkin":"DUE"},
                 {"lineId":"2","subjectId":"s2","maskedName":"李*二","dependent":true,"checkin":"DONE"},
                 {"lineId":"3","subjectId":"s3","maskedName":"王*三","dependent":false,"checkin":"MISSED"},
                 {"lineId":"4","subjectId":"s4","maskedName":"赵*四","dependent":false,"checkin":"DONE"},
                 {"lineId":"5","subjectId":"s5","maskedName":"=cmd","dependent":false,"checkin":"DUE"}]""")
                .forEach(lines::add);
        return lines;
    }

    private static Map<String, ColourOf> colours() {
        return Map.of("s1", new ColourOf("s1", "YELLOW", false), "s2", new ColourOf("s2", "RED", false),
                "s4", new ColourOf("s4", "GREEN", true), "s5", new ColourOf("s5", "GREEN", false));
    }

    private static List<String> names(ObjectNode list) {
        List<String> names = new ArrayList<>();
        list.path("items").forEach(item -> names.add(item.path("maskedName").asText()));
        return names;
    }
}
