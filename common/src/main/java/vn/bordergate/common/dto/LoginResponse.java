package vn.bordergate.common.dto;

import java.time.Instant;

/** A bearer token and the account it belongs to. */
public record LoginResponse(String token, Instant expiresAt, UserDto user) {}
