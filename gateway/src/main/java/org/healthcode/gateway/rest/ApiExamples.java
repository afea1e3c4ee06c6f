package org.healthcode.gateway.rest;

/**
 * Request bodies as DESIGN.md, Contracts with the outside, fixes them, shown in Swagger UI; the
 * services validate them.
 */
final class ApiExamples {

    static final String REGISTRATION = """
            {"name": "张三", "documentType": "RESIDENT_ID", "documentNumber": "330106199001011234",
             "phone": "13800005678", "regionCode": "330106"}""";

    static final String DEPENDENT = """
            {"name": "张小三", "documentType": "RESIDENT_ID", "documentNumber": "330106201501011236",
             "regionCode": "330106", "relation": "CHILD"}""";

    static final String DECLARATION = """
            {"travel": [{"regionCode": "420106", "from": "2026-11-10", "to": "2026-11-12"}],
             "contactWithCase": false, "symptoms": ["FEVER"], "temperature": 37.9,
             "vaccination": {"doses": 3, "lastDose": "2022-05-01"},
             "inbound": {"flight": "CA982", "fromCountry": "US", "arrivalDate": "2026-11-20", "port": "PVG"}}""";

    static final String CHECK_IN = """
            {"symptoms": [], "temperature": 36.6}""";

    static final String VERIFICATION = """
            {"token": "eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiIzMzAwMDAiLCJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl"}""";

    static final String REGION_RISK = """
            {"level": "HIGH"}""";

    static final String CODE_REQUIREMENT = """
            {"required": false}""";

    static final String FEVER_CLINIC = """
            {"name": "浙大一院发热门诊", "address": "庆春路79号", "regionCode": "330102",
             "openingHours": "00:00-24:00", "telephone": "0571-87236114"}""";

    static final String VENUE = """
            {"name": "西湖银泰 1号门", "type": "MALL", "regionCode": "330102", "address": "延安路98号"}""";

    static final String SCAN = """
            {"token": "eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiIzMzAwMDAiLCJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl",
             "venueId": "0b5c3f0e-8d1f-4a52-9a55-3c8e2c1f7a10", "scanId": "gate1-20261122-000123"}""";

    static final String ID_CARD_SCAN = """
            {"documentType": "RESIDENT_ID", "documentNumber": "330106199001011234",
             "venueId": "0b5c3f0e-8d1f-4a52-9a55-3c8e2c1f7a10", "scanId": "gate1-20261122-000124"}""";

    static final String VENUE_CHECKIN = """
            {"venueCode": "<the text of the poster's QR code>", "dependents": ["5d7c2a9e-3b1f-4f0e-9a6c-1e2d3c4b5a69"],
             "checkinId": "8e1f6a52-7c3d-4b9e-a0f1-2d3c4b5a6978"}""";

    static final String CASE_BY_DOCUMENT = """
            {"documentType": "RESIDENT_ID", "documentNumber": "330106199001011234",
             "status": "CONFIRMED", "onsetDate": "2026-11-18"}""";

    static final String APPEAL = """
            {"reason": "I was at home on the day the case visited the mall; my colour should be green."}""";

    static final String ORGANISATION = """
            {"uscc": "91330000142916567N", "name": "杭州某科技有限公司"}""";

    static final String COMMUNITY = """
            {"venueId": "6f1c1c52-3b0e-4f43-9a55-0f7d2c1e8a10"}""";

    static final String JOIN = """
            {"invitationCode": "7KQ2MXTA", "consent": true}""";

    static final String APPEAL_ANSWER = """
            {"decision": "UPHELD", "note": "Scan log shows a different person; override proposed.",
             "override": {"colour": "GREEN", "until": "2026-12-31T16:00:00Z"}}""";

    static final String OVERRIDE = """
            {"subjectId": "x7Kp2LmQ9vR4tY8wZ1aB3c", "colour": "GREEN",
             "justification": "Appeal upheld: not at the venue", "until": "2026-12-31T16:00:00Z"}""";

    static final String OVERRIDE_DECISION = """
            {"note": "Checked the scan log"}""";

    static final String RULE_SET = """
            {"effectiveFrom": "2026-12-01T16:00:00Z", "definition": {"reasons": {"CLOSE_CONTACT":
             {"colour": "RED", "durationDays": 10}}, "fullVaccinationDoses": 2, "lookBackDays": 14}}""";

    static final String DRY_RUN = """
            {"definition": {"reasons": {"CLOSE_CONTACT": {"colour": "RED", "durationDays": 10}},
             "fullVaccinationDoses": 2, "lookBackDays": 14}}""";

    static final String DESTRUCTION = """
            {"confirmation": "DESTROY ALL PERSONAL DATA"}""";

    static final String EMERGENCY_END = """
            {"confirmation": "END THE EMERGENCY"}""";

    private ApiExamples() {
    }
}
