package vn.bordergate.server.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.security.Actor;

/**
 * What is checked of a declaration request on the request thread, before it waits for a writer: nothing
 * here reads the database, so a bad request is refused without taking a place in the write queue.
 */
public final class DeclarationCheck {
    private final RequestValidator validator;
    private final IdempotentWrites idempotent;
    private final Clock clock;

    public DeclarationCheck(RequestValidator validator, IdempotentWrites idempotent, Clock clock) {
        this.validator = validator;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    /**
     * A new declaration, checked in this order (clients see the first failure): the request's fields, the
     * declaring enterprise (403), the plates, the arrival, then the Idempotency-Key.
     */
    Submission submission(Actor actor, DeclarationRequest request, String idempotencyKey) {
        long enterpriseId = declaringEnterprise(actor, validator.check(request));
        DeclaredVehicles vehicles = vehicles(request);
        checkArrival(request.expectedArrival());
        idempotent.checkKey(idempotencyKey);
        return new Submission(actor, request, idempotencyKey, enterpriseId, vehicles);
    }

    /** A corrected declaration: its fields, plates and arrival (whose it is is read with the declaration). */
    DeclaredVehicles correction(DeclarationRequest request) {
        validator.check(request);
        DeclaredVehicles vehicles = vehicles(request);
        checkArrival(request.expectedArrival());
        return vehicles;
    }

    private static long declaringEnterprise(Actor actor, DeclarationRequest request) {
        if (actor.role() != Role.ENTERPRISE || actor.enterpriseId() == null) {
            throw GateException.forbidden("only an enterprise account declares trips");
        }
        if (request.enterpriseId() != null && !request.enterpriseId().equals(actor.enterpriseId())) {
            throw GateException.forbidden("an enterprise declares only its own trips");
        }
        return actor.enterpriseId();
    }

    private static DeclaredVehicles vehicles(DeclarationRequest request) {
        Plate tractor = parsePlate("tractorPlate", request.tractorPlate());
        if (tractor.kind().isTrailer()) {
            throw GateException.invalidField("tractorPlate", "is a trailer plate: give the truck's own plate here");
        }
        Plate trailer = null;
        if (request.trailerPlate() != null && !request.trailerPlate().isBlank()) {
            trailer = parsePlate("trailerPlate", request.trailerPlate());
            if (!trailer.kind().isTrailer()) {
                throw GateException.invalidField("trailerPlate", "is not a trailer plate (like 12R-012.34 or 桂A1234挂)");
            }
        }
        return new DeclaredVehicles(tractor, trailer);
    }

    private static Plate parsePlate(String field, String text) {
        try {
            return PlateParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw GateException.invalidField(field, e.getMessage());
        }
    }

    private void checkArrival(Instant expectedArrival) {
        Instant now = clock.instant();
        if (expectedArrival.isBefore(now.minus(Duration.ofDays(1)))) {
            throw GateException.invalidField("expectedArrival", "is more than a day in the past");
        }
        if (expectedArrival.isAfter(now.plus(Duration.ofDays(30)))) {
            throw GateException.invalidField("expectedArrival", "is more than 30 days ahead");
        }
    }
}
