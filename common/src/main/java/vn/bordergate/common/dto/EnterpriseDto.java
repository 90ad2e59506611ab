package vn.bordergate.common.dto;

/** An import/export company known to the gate. */
public record EnterpriseDto(
        long id,
        String taxCode,
        String name,
        String country,
        String contactName,
        String contactPhone,
        String contactEmail,
        boolean priority) {}
