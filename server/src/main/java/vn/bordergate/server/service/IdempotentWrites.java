package vn.bordergate.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.Session;
import vn.bordergate.server.persistence.IdempotencyRecordEntity;
import vn.bordergate.server.security.Actor;

/**
 * Exactly-once writes for clients that retry (a workstation's offline outbox, a camera after a
 * timeout): the first answer for an {@code Idempotency-Key} is stored in the same transaction as the
 * write and answered again for every retry with that key from the same account.
 */
public final class IdempotentWrites {
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotentWrites(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public <T> T run(Session session, Actor actor, String key, String operation, Class<T> type, Supplier<T> work) {
        if (key == null || key.isBlank()) {
            return work.get();
        }
        checkKey(key);
        List<IdempotencyRecordEntity> previous = session.createSelectionQuery(
                        "from IdempotencyRecordEntity where idemKey = :k and username = :u",
                        IdempotencyRecordEntity.class)
                .setParameter("k", key)
                .setParameter("u", actor.username())
                .getResultList();
        if (!previous.isEmpty()) {
            return replay(previous.get(0), operation, type);
        }
        T result = work.get();
        remember(session, actor, key, operation, result);
        return result;
    }

    /** Refuses a key too long to store; null or blank means none was given. */
    void checkKey(String key) {
        if (key != null && key.length() > 80) {
            throw GateException.invalidField("Idempotency-Key", "must be at most 80 characters");
        }
    }

    /**
     * The stored first answers for many keys at once (one query), by key and account (key + "\u001f" +
     * username); a batch then asks {@link #replay} for each and {@link #remember}s its new answers.
     */
    Map<String, IdempotencyRecordEntity> stored(Session session, Collection<String> keys) {
        Map<String, IdempotencyRecordEntity> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        InListParameters.bind(
                        session.createSelectionQuery(
                                "from IdempotencyRecordEntity where idemKey in ("
                                        + InListParameters.in("k", keys.size()) + ")",
                                IdempotencyRecordEntity.class),
                        "k",
                        keys)
                .getResultList()
                .forEach(r -> found.put(r.getIdemKey() + "\u001f" + r.getUsername(), r));
        return found;
    }

    /** The answer stored for a key, given again; a conflict when the key was used for another operation. */
    <T> T replay(IdempotencyRecordEntity record, String operation, Class<T> type) {
        if (!record.getOperation().equals(operation)) {
            throw GateException.conflict("this Idempotency-Key was already used for another request");
        }
        return read(record.getResponseBody(), type);
    }

    /** Stores a first answer in the caller's transaction. */
    <T> void remember(Session session, Actor actor, String key, String operation, T result) {
        IdempotencyRecordEntity record = new IdempotencyRecordEntity();
        record.setIdemKey(key);
        record.setUsername(actor.username());
        record.setOperation(operation);
        record.setStatus(200);
        record.setResponseBody(write(result));
        record.setCreatedAt(clock.instant());
        session.persist(record);
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent answer is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be stored", e);
        }
    }
}
