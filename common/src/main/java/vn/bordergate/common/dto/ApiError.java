package vn.bordergate.common.dto;

import java.util.List;

/** Every error the API answers: a status, a short code, a sentence saying what is wrong, and per-field problems. */
public record ApiError(int status, String error, String message, List<FieldProblem> problems) {}
