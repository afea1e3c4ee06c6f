package org.healthcode.declaration.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * An accepted declaration or daily check-in, as it was published; or travel the authority imported
 * (kind TRAVEL, source AUTHORITY, no person: the pseudonym alone).
 */
@Entity
public class Declaration extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public DeclarationKind kind;

    @Enumerated(EnumType.STRING)
    public DeclarationSource source = DeclarationSource.RESIDENT;

    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "person_id")
    public UUID personId;

    /** The {@link DeclarationContent} as JSON; nothing in it identifies the person. */
    // Bound as text and parsed by PostgreSQL: bound directly to jsonb, a String would be stored as a JSON string.
    @ColumnTransformer(read = "payload::text", write = "?::text::jsonb")
    public String payload;

    @Column(name = "declared_at")
    public Instant declaredAt;
}
