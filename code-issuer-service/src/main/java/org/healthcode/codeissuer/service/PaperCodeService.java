package org.healthcode.codeissuer.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import org.healthcode.codeissuer.CodeIssuerConfig;
import org.healthcode.codeissuer.event.PaperCodeIssued;
import org.healthcode.codeissuer.paper.PaperCodeSheet;
import org.healthcode.codeissuer.repository.PaperCodeRepository;
import org.healthcode.kit.code.token.IssuedToken;
import org.healthcode.kit.code.token.TokenIssuer;
import org.healthcode.kit.event.Outbox;

/**
 * Prints a paper code: a new reference, signed for months, made the subject's current print and
 * published as {@code paper-code-issued} in one transaction (so a checkpoint refuses every earlier
 * print), then drawn as an A6 PDF.
 */
@ApplicationScoped
public class PaperCodeService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PaperCodeRepository papers;
    private final TokenIssuer issuer;
    private final Outbox outbox;
    private final CodeIssuerConfig config;
    private final PaperCodeSheet sheet;

    public PaperCodeService(PaperCodeRepository papers, TokenIssuer issuer, Outbox outbox, CodeIssuerConfig config) {
        this.papers = papers;
        this.issuer = issuer;
        this.outbox = outbox;
        this.config = config;
        this.sheet = new PaperCodeSheet(config.timeZone());
    }

    /** A printed paper code: its reference and the signed token in its QR. */
    public record PaperCode(String subjectId, String paperId, IssuedToken token, java.time.Instant issuedAt) {
    }

    @WithTransaction
    public Uni<PaperCode> issue(String subjectId) {
        // Random, not a sequence: a reference says nothing about how many were printed before it.
        String paperId = String.format("%012d", RANDOM.nextLong(1_000_000_000_000L));
        IssuedToken token = issuer.issuePaper(subjectId, paperId, config.paperCodeValidity());
        java.time.Instant issuedAt = token.expiresAt().minus(config.paperCodeValidity());
        return papers.replace(subjectId, paperId, issuedAt, token.expiresAt())
                .chain(() -> outbox.publish(PaperCodeIssued.TOPIC, subjectId,
                        new PaperCodeIssued(subjectId, paperId, config.province(), issuedAt, token.expiresAt())))
                .replaceWith(new PaperCode(subjectId, paperId, token, issuedAt));
    }

    /** A new paper code's reference and its page. */
    public record Printed(String paperId, byte[] pdf) {
    }

    /** The PDF of a new paper code; drawing is off the event loop. */
    public Uni<Printed> print(String subjectId) {
        return issue(subjectId).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(paper -> new Printed(paper.paperId(), sheet.pdf(paper.token().token(), paper.paperId(),
                        paper.issuedAt(), paper.token().expiresAt())));
    }
}
