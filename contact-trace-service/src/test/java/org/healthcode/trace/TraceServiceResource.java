package org.healthcode.trace;

import java.util.HashMap;
import java.util.Map;
import org.healthcode.infra.testing.RealInfraResource;

/**
 * Real Kafka and PostgreSQL for every test of this module, with one setting of its own: province
 * 310000 traces without degree 2 (330000 keeps the defaults), and declaration-service's answer to
 * "where is this person registered" comes from {@link DeclarationStandIn}. Every IT uses this one resource,
 * so the application starts once.
 */
public class TraceServiceResource extends RealInfraResource {

    public static final String NO_FAN_OUT_PROVINCE = "310000";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("trace.province.\"" + NO_FAN_OUT_PROVINCE + "\".degree-two", "false");
        config.put("quarkus.rest-client.declaration.url", DeclarationStandIn.start());
        return config;
    }
}
