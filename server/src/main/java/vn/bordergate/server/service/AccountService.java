package vn.bordergate.server.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.bordergate.common.dto.LoginRequest;
import vn.bordergate.common.dto.LoginResponse;
import vn.bordergate.common.dto.NewUserRequest;
import vn.bordergate.common.dto.UserDto;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.persistence.EnterpriseEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.persistence.UserAccountEntity;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.security.LoginThrottle;
import vn.bordergate.server.security.PasswordHasher;
import vn.bordergate.server.security.TokenService;

/** Logging in and managing accounts. */
public final class AccountService {
    private final Transactions tx;
    private final RequestValidator validator;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    public AccountService(
            Transactions tx,
            RequestValidator validator,
            PasswordHasher hasher,
            TokenService tokens,
            LoginThrottle throttle,
            AuditLog audit,
            Clock clock) {
        this.tx = tx;
        this.validator = validator;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    public LoginResponse login(LoginRequest request, String clientAddress) {
        validator.check(request);
        String username = request.username().strip().toLowerCase();
        throttle.retryAfter(username, clientAddress).ifPresent(wait -> {
            throw GateException.tooManyAttempts(wait);
        });
        UserAccountEntity user = tx.read(session -> findUser(session, username));
        boolean ok = hasher.matches(request.password(), user == null ? null : user.getPasswordHash());
        if (!ok || !user.isActive()) {
            throttle.recordFailure(username, clientAddress);
            throw GateException.unauthenticated("wrong username or password");
        }
        throttle.recordSuccess(username);
        Actor actor = actorOf(user);
        Instant expires = tokens.expiryFromNow();
        return new LoginResponse(tokens.issue(actor, expires), expires, DtoMapping.user(user));
    }

    public UserDto me(Actor actor) {
        return tx.read(session -> {
            UserAccountEntity user = session.find(UserAccountEntity.class, actor.userId());
            if (user == null || !user.isActive()) {
                throw GateException.unauthenticated("this account no longer exists");
            }
            return DtoMapping.user(user);
        });
    }

    public List<UserDto> list() {
        return tx.read(session -> session
                .createSelectionQuery("from UserAccountEntity order by username", UserAccountEntity.class)
                .getResultList()
                .stream()
                .map(DtoMapping::user)
                .toList());
    }

    public UserDto create(Actor actor, NewUserRequest request) {
        validator.check(request);
        if (request.role().isOfficer() && request.agency() == null) {
            throw GateException.invalidField("agency", "is required for officers and supervisors");
        }
        if (!request.role().isOfficer() && request.agency() != null) {
            throw GateException.invalidField("agency", "only officers and supervisors belong to an agency");
        }
        if ((request.role() == Role.ENTERPRISE) != (request.enterpriseId() != null)) {
            throw GateException.invalidField("enterpriseId", "is required for enterprise accounts and only for them");
        }
        String hash = hasher.hash(request.password());
        return tx.write(session -> {
            if (findUser(session, request.username()) != null) {
                throw GateException.conflict("username '" + request.username() + "' is taken");
            }
            if (request.enterpriseId() != null
                    && session.find(EnterpriseEntity.class, request.enterpriseId()) == null) {
                throw GateException.invalidField("enterpriseId", "is not a known enterprise");
            }
            UserAccountEntity user = newUser(request, hash);
            session.persist(user);
            audit.append(
                    session,
                    actor,
                    "USER_CREATED",
                    "user",
                    user.getId(),
                    user.getUsername() + " " + user.getRole()
                            + (user.getAgency() == null ? "" : " " + user.getAgency()));
            return DtoMapping.user(user);
        });
    }

    UserAccountEntity newUser(NewUserRequest request, String hash) {
        UserAccountEntity user = new UserAccountEntity();
        user.setUsername(request.username());
        user.setPasswordHash(hash);
        user.setDisplayName(request.displayName().strip());
        user.setRole(request.role());
        user.setAgency(request.agency());
        user.setStationCode(request.stationCode());
        user.setEnterpriseId(request.enterpriseId());
        user.setActive(true);
        user.setCreatedAt(clock.instant());
        return user;
    }

    private static UserAccountEntity findUser(org.hibernate.Session session, String username) {
        return session.createSelectionQuery("from UserAccountEntity where username = :u", UserAccountEntity.class)
                .setParameter("u", username)
                .uniqueResult();
    }

    private static Actor actorOf(UserAccountEntity u) {
        return new Actor(
                u.getId(), u.getUsername(), u.getRole(), u.getAgency(), u.getStationCode(), u.getEnterpriseId());
    }
}
