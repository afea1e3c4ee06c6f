package org.healthcode.declaration.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The residential community a person named (a venue of type RESIDENTIAL_COMMUNITY of their province),
 * one at most; the venue's name, region and province as scan-checkpoint-service told them when it was
 * named. Leaving deletes it.
 */
@Entity
@Table(name = "community_member")
public class CommunityMember extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "venue_id")
    public UUID venueId;

    @Column(name = "venue_name")
    public String venueName;

    @Column(name = "region_code")
    public String regionCode;

    public String province;

    @Column(name = "named_at")
    public Instant namedAt;

    @Override
    public String toString() {
        return "CommunityMember[" + id + "]";
    }
}
