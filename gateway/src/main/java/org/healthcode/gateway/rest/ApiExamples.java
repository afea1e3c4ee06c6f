package org.healthcode.gateway.rest;

/** Request bodies as DESIGN §10 fixes them, shown in Swagger UI; the services validate them. */
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

    private ApiExamples() {
    }
}
