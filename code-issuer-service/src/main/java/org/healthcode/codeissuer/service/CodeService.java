package org.healthcode.codeissuer.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import org.healthcode.codeissuer.CodeIssuerConfig;
import org.healthcode.codeissuer.domain.CurrentColour;
import org.healthcode.codeissuer.repository.SubjectColourRepository;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.qr.QrRenderer;
import org.healthcode.kit.code.token.TokenIssuer;
import org.healthcode.kit.web.ApiException;

/**
 * Issues a subject's code: a token signed now for the current colour, and its QR images. Each token
 * signed is counted by colour ({@code healthcode_codes_issued_total}).
 */
@ApplicationScoped
public class CodeService {

    public static final String ISSUED = "healthcode.codes.issued";

    private final SubjectColourRepository colours;
    private final TokenIssuer issuer;
    private final QrRenderer renderer;
    private final Map<Colour, Counter> issued = new EnumMap<>(Colour.class);

    public CodeService(SubjectColourRepository colours, TokenIssuer issuer, QrRenderer renderer,
            MeterRegistry metrics, CodeIssuerConfig config) {
        this.colours = colours;
        this.issuer = issuer;
        this.renderer = renderer;
        for (Colour colour : Colour.values()) {
            issued.put(colour, Counter.builder(ISSUED).description("Code tokens signed")
                    .tags("colour", colour.name(), "province", config.province()).register(metrics));
        }
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
        IssuedCode code = new IssuedCode(current, issuer.issue(current.subjectId(), current.colour(), current.goldMark()));
        issued.get(current.colour()).increment();
        return code;
    }
}
