package vn.bordergate.common.dto;

/** What is wrong with one field of a request. */
public record FieldProblem(String field, String problem) {}
