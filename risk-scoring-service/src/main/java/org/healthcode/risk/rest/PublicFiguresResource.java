package org.healthcode.risk.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.healthcode.kit.region.Regions;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.risk.RiskConfig;
import org.healthcode.risk.service.PublicFiguresService;

/** A region's epidemic figures for the public: no token, cached, small counts suppressed. */
@Path("/v1/public/figures")
@Produces(MediaType.APPLICATION_JSON)
public class PublicFiguresResource {

    private final PublicFiguresService figures;
    private final String cacheControl;

    public PublicFiguresResource(PublicFiguresService figures, RiskConfig config) {
        this.figures = figures;
        this.cacheControl = "public, max-age=" + config.figures().maxAge().toSeconds();
    }

    @GET
    @PermitAll
    public Uni<Response> of(@QueryParam("region") String region) {
        if (region == null || !Regions.table().isKnown(region)) {
            throw ApiException.invalid(List.of(new ApiError.Detail("region", "must be a GB/T 2260 region code")));
        }
        return figures.of(region).map(f -> Response.ok(f)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).build());
    }
}
