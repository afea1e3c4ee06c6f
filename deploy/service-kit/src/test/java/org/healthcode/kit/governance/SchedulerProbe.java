package org.healthcode.kit.governance;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Fires the scheduled purge as an instance's timer would; several requests at once are several instances. */
@Path("/v1/probe/scheduled-purge")
@RolesAllowed("admin")
public class SchedulerProbe {

    private final PersonalDataCare care;

    public SchedulerProbe(PersonalDataCare care) {
        this.care = care;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Boolean>> fire() {
        return care.scheduledPurge().map(report -> Map.of("purged", report != null));
    }
}
