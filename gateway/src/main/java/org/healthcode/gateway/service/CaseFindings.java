package org.healthcode.gateway.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.upstream.ContactTraceClient;
import org.healthcode.gateway.upstream.Upstream;

/**
 * What tracing found for a case, as contact-trace answers it (its 403 FORBIDDEN_PROVINCE and 404
 * relayed as they are), with each person's masked name added: contacts page by page, the chain, and
 * every contact as CSV.
 */
@ApplicationScoped
public class CaseFindings {

    /** Contacts per page read for the CSV export; also the most masked names asked in one call. */
    public static final int EXPORT_PAGE_SIZE = 500;

    private final ContactTraceClient contactTrace;
    private final MaskedNameLookup names;

    public CaseFindings(@RestClient ContactTraceClient contactTrace, MaskedNameLookup names) {
        this.contactTrace = contactTrace;
        this.names = names;
    }

    /** {@code page} and {@code size} as the caller gave them; contact-trace judges them. */
    public Uni<ObjectNode> contacts(String caseId, String page, String size) {
        return Upstream.read("contact-trace", contactTrace.contacts(null, caseId, page, size, null))
                .flatMap(answer -> names.addTo(answer, "items", "contactSubjectId"));
    }

    public Uni<ObjectNode> chain(String caseId) {
        return Upstream.read("contact-trace", contactTrace.chain(caseId))
                .flatMap(answer -> names.addTo(answer, "nodes", "subjectId"));
    }

    /** One page of contacts and its CSV rows. */
    public record CsvPage(ObjectNode answer, String rows) {

        int size() {
            int size = answer.path("size").asInt(EXPORT_PAGE_SIZE);
            return size > 0 ? size : EXPORT_PAGE_SIZE;
        }

        long total() {
            return answer.path("total").asLong(0);
        }
    }

    /**
     * The first page, read before anything is sent, so that a refusal (403, 404) is the answer's
     * status. The token is named because the pages after it are read while the CSV streams out.
     */
    public Uni<CsvPage> firstCsvPage(String caseId, String authorization) {
        return csvPage(caseId, 0, EXPORT_PAGE_SIZE, authorization);
    }

    /**
     * The whole CSV: header, the first page's rows, then each further page's as it is read (one
     * page in memory at a time). The number of pages is fixed by the first page's total. A failure
     * after the first page can only cut the download short, which the client sees as an incomplete
     * transfer.
     */
    public Multi<String> csv(String caseId, CsvPage first, String authorization) {
        int size = first.size();
        long pages = (first.total() + size - 1) / size;
        Multi<String> rest = Multi.createFrom().range(1, (int) Math.max(1, pages))
                .onItem().transformToUniAndConcatenate(page -> csvPage(caseId, page, size, authorization))
                .map(CsvPage::rows);
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(ContactCsv.HEADER + first.rows()), rest);
    }

    private Uni<CsvPage> csvPage(String caseId, int page, int size, String authorization) {
        return Upstream.read("contact-trace",
                        contactTrace.contacts(authorization, caseId, String.valueOf(page), String.valueOf(size), "true"))
                .flatMap(answer -> {
                    Set<String> subjectIds = new LinkedHashSet<>();
                    answer.path("items").forEach(item -> {
                        if (item.path("contactSubjectId").isTextual()) {
                            subjectIds.add(item.path("contactSubjectId").asText());
                        }
                    });
                    return names.of(subjectIds, authorization)
                            .map(named -> new CsvPage(answer, ContactCsv.rows(answer.path("items"), named)));
                });
    }
}
