package vn.bordergate.server.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Stores every {@link Instant} as its UTC wall time in a plain TIMESTAMP column. Hibernate's own
 * Instant binding on Derby passes one shared static UTC Calendar to {@code setTimestamp}, which Derby
 * mutates: under concurrent writes timestamps came out corrupted ("date/time value is out of range").
 */
@Converter(autoApply = true)
public final class UtcInstantConverter implements AttributeConverter<Instant, LocalDateTime> {
    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
