package vn.bordergate.server.anpr.tracking;

/** One vehicle passing a camera: its tractor plate and, when one was seen in the same pass, its trailer's. */
public record VehiclePass(VotedPlate tractor, VotedPlate trailer) {}
