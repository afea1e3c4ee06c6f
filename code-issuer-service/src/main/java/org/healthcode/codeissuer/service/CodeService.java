package org.healthcode.codeissuer.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.healthcode.codeissuer.domain.CurrentColour;
import org.healthcode.codeissuer.repository.SubjectColourRepository;
import org.healthcode.kit.code.qr.QrRenderer;
import org.healthcode.kit.code.token.TokenIssuer;
import org.healthcode.kit.web.ApiException;

/** Issues a subject's code: a token signed now for the current colour, and its QR images. */
@ApplicationScoped
public class CodeService {

    private final SubjectColourRepository colours;
    private final TokenIssuer issuer;
    private final QrRenderer renderer;

    public CodeService(SubjectColourRepository colours, TokenIssuer issuer, QrRenderer renderer) {
        this.colours = colours;
        this.issuer = issuer;
        this.renderer = renderer;
    }

    public Uni<IssuedCode> issue(String subjectId) {
        return colours.current(subjectId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("NO_COLOUR_YET",
                        "No colour has been computed for this subject yet"))
                .map(this::sign);
    }

    // Drawing takes milliseconds (zxing tries all eight masks): off the event loop.
    public Uni<byte[]> png(String subjectId) {
        return issue(subjectId).emitOn(Infrastructure.getDefaultWorkerPool()).map(code -> renderer.png(code.token().token(), code.current().colour(),
                code.current().goldMark()));
    }

    public Uni<String> svg(String subjectId) {
        return issue(subjectId).emitOn(Infrastructure.getDefaultWorkerPool()).map(code -> renderer.svg(code.token().token(), code.current().colour(),
                code.current().goldMark()));
    }

    private IssuedCode sign(CurrentColour current) {
        return new IssuedCode(current, issuer.issue(current.subjectId(), current.colour(), current.goldMark()));
    }
}
