package org.healthcode.declaration.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.healthcode.declaration.domain.Declaration;
import org.healthcode.declaration.domain.DeclarationContent;
import org.healthcode.declaration.domain.DeclarationKind;
import org.healthcode.declaration.domain.Person;
import org.healthcode.declaration.event.DeclarationSubmitted;
import org.healthcode.declaration.repository.DeclarationRepository;
import org.healthcode.kit.event.Outbox;

/** Accepts a person's declaration or check-in: stores it and publishes it in one transaction. */
@ApplicationScoped
public class DeclarationService {

    private final DeclarationRepository declarations;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final ProvinceCalendar calendar;

    public DeclarationService(DeclarationRepository declarations, Outbox outbox, ObjectMapper json,
            ProvinceCalendar calendar) {
        this.declarations = declarations;
        this.outbox = outbox;
        this.json = json;
        this.calendar = calendar;
    }

    public Uni<Declaration> submit(Person person, DeclarationKind kind, DeclarationContent content) {
        Declaration declaration = new Declaration();
        declaration.id = UUID.randomUUID();
        declaration.kind = kind;
        declaration.subjectId = person.subjectId;
        declaration.personId = person.id;
        declaration.payload = toJson(content);
        declaration.declaredAt = calendar.now();
        DeclarationSubmitted event = DeclarationSubmitted.of(declaration.id, person.subjectId, kind,
                person.regionCode, content, declaration.declaredAt);
        return Panache.withTransaction(() -> declarations.persist(declaration)
                .chain(() -> outbox.publish(DeclarationSubmitted.TOPIC, person.subjectId, event)))
                .replaceWith(declaration);
    }

    private String toJson(DeclarationContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("declaration content not serialisable", e);
        }
    }
}
