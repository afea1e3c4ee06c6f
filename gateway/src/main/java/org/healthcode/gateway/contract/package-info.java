/**
 * The shapes of the gateway's public API, as its OpenAPI document publishes them. The gateway relays
 * the services' JSON as it is (byte for byte, errors included) and each service validates what it is
 * sent, so these types describe the wire rather than carry it: they are named in the resources'
 * {@code @RequestBody} and {@code @APIResponse} annotations only. Every field of an answer is always
 * present (null when there is nothing), so each answer's fields are all required. deploy/e2e's
 * CitizenJourneyIT checks real answers against them.
 */
package org.healthcode.gateway.contract;
