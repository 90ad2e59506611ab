package vn.bordergate.server.service;

/** A camera and the lane it watches. */
record CameraPlace(String code, String laneCode) {}
