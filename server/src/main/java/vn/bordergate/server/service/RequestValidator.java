package vn.bordergate.server.service;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import vn.bordergate.common.dto.FieldProblem;

/** Checks a request record against the constraints declared on it in {@code common}. */
public final class RequestValidator implements AutoCloseable {
    private final ValidatorFactory factory;
    private final Validator validator;

    public RequestValidator() {
        // the parameter interpolator needs no expression language: messages are plain words
        factory = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .traversableResolver(new EveryPropertyReachable())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    /** Throws {@link GateException} (invalid) listing every problem, or returns the request unchanged. */
    public <T> T check(T request) {
        if (request == null) {
            throw GateException.invalid("the request needs a JSON body");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return request;
        }
        List<FieldProblem> problems = violations.stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        FieldProblem first = problems.get(0);
        String message = first.field() + " " + first.problem()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "");
        throw GateException.invalid(message, problems);
    }

    /**
     * Requests are plain records read from JSON, never entities with lazy state: every property is there to check.
     * With JPA on the class path Hibernate Validator's default resolver asked JPA's {@code PersistenceUtil} whether
     * each property was loaded, which looks through the persistence providers for every property of every request
     * (JFR: a fifth of the request threads' samples under declarations, branch declcpu3).
     */
    static final class EveryPropertyReachable implements TraversableResolver {
        @Override
        public boolean isReachable(
                Object traversableObject,
                Path.Node traversableProperty,
                Class<?> rootBeanType,
                Path pathToTraversableObject,
                ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(
                Object traversableObject,
                Path.Node traversableProperty,
                Class<?> rootBeanType,
                Path pathToTraversableObject,
                ElementType elementType) {
            return true;
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
