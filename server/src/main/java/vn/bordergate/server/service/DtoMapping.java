package vn.bordergate.server.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Session;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DriverDto;
import vn.bordergate.common.dto.EnterpriseDto;
import vn.bordergate.common.dto.FeeDto;
import vn.bordergate.common.dto.GoodsLineDto;
import vn.bordergate.common.dto.MedicalDeclarationDto;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.common.dto.UserDto;
import vn.bordergate.common.dto.WeighingDto;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.CrossingStepEntity;
import vn.bordergate.server.persistence.DeclarationEntity;
import vn.bordergate.server.persistence.EnterpriseEntity;
import vn.bordergate.server.persistence.FeeEntity;
import vn.bordergate.server.persistence.GoodsLineEntity;
import vn.bordergate.server.persistence.PlateReadEntity;
import vn.bordergate.server.persistence.UserAccountEntity;
import vn.bordergate.server.persistence.VehicleEntity;
import vn.bordergate.server.persistence.WeighingEntity;

/** Entities stay in the server: this turns them into the DTO records that cross the wire. */
final class DtoMapping {
    private DtoMapping() {}

    static UserDto user(UserAccountEntity u) {
        return new UserDto(
                u.getId(),
                u.getUsername(),
                u.getDisplayName(),
                u.getRole(),
                u.getAgency(),
                u.getStationCode(),
                u.getEnterpriseId());
    }

    static EnterpriseDto enterprise(EnterpriseEntity e) {
        return new EnterpriseDto(
                e.getId(),
                e.getTaxCode(),
                e.getName(),
                e.getCountry(),
                e.getContactName(),
                e.getContactPhone(),
                e.getContactEmail(),
                e.isPriority());
    }

    /** Plates are stored normalised; people read them in their printed form. */
    static String plate(String normalized) {
        return normalized == null
                ? null
                : PlateParser.tryParse(normalized).map(p -> p.display()).orElse(normalized);
    }

    static String plate(VehicleEntity v) {
        return v == null ? null : plate(v.getPlate());
    }

    static DeclarationDto declaration(DeclarationEntity d, List<GoodsLineEntity> goods, CrossingEntity c) {
        var driver = d.getDriver();
        MedicalDeclarationDto medical = d.getMedTemperature() == null && !d.isMedSymptoms() && d.getMedNotes() == null
                ? null
                : new MedicalDeclarationDto(d.getMedTemperature(), d.isMedSymptoms(), d.getMedNotes());
        return new DeclarationDto(
                d.getId(),
                d.getCode(),
                d.getRevision(),
                d.getEnterprise().getId(),
                d.getEnterprise().getName(),
                d.getDirection(),
                plate(d.getTractor()),
                plate(d.getTrailer()),
                d.getVehicleType(),
                new DriverDto(
                        driver.getFullName(), driver.getDocumentNumber(), driver.getNationality(), driver.getPhone()),
                goods.stream()
                        .sorted(Comparator.comparingInt(GoodsLineEntity::getLineNo))
                        .map(DtoMapping::goodsLine)
                        .toList(),
                d.getExpectedArrival(),
                d.isTwoWayTransport(),
                medical,
                d.getSubmittedAt(),
                c.getId(),
                c.getStatus());
    }

    static GoodsLineDto goodsLine(GoodsLineEntity g) {
        return new GoodsLineDto(
                g.getHsCode(),
                g.getDescription(),
                g.getQuantity(),
                g.getUnit(),
                g.getGrossWeightKg(),
                g.getQuarantine());
    }

    static StepStatusDto step(CrossingStepEntity s) {
        return new StepStatusDto(
                s.getStep(),
                s.getStep().number(),
                s.getStep().agency(),
                s.getState(),
                s.getOfficer(),
                s.getStationCode(),
                s.getDecidedAt(),
                s.getReason());
    }

    /** All eight steps in their order, a step without a row pending ({@link CrossingSteps}). */
    private static List<StepStatusDto> allSteps(List<CrossingStepEntity> stored) {
        Map<Step, StepStatusDto> byStep = new EnumMap<>(Step.class);
        stored.forEach(s -> byStep.put(s.getStep(), step(s)));
        List<StepStatusDto> steps = new ArrayList<>(Step.values().length);
        for (Step step : Step.values()) {
            steps.add(byStep.getOrDefault(step, CrossingSteps.pendingDto(step)));
        }
        return List.copyOf(steps);
    }

    /** {@code steps}: the crossing's stored steps (any missing are pending). */
    static CrossingDto crossing(CrossingEntity c, List<CrossingStepEntity> steps) {
        DeclarationEntity d = c.getDeclaration();
        return new CrossingDto(
                c.getId(),
                d.getId(),
                d.getCode(),
                d.getEnterprise().getId(),
                d.getEnterprise().getName(),
                d.getDirection(),
                plate(c.getTractorPlate()),
                plate(c.getTrailerPlate()),
                d.getDriver().getFullName(),
                c.isPerishable(),
                c.isPriority(),
                c.getStatus(),
                allSteps(steps),
                c.getExpectedArrival(),
                c.getArrivedAt(),
                c.getReleasedAt(),
                c.getReturnDeadline(),
                c.getReturnedAt(),
                c.getGrossWeightKg(),
                c.getYardCode(),
                c.getVersion());
    }

    /** Many crossings with their steps, declarations, enterprises and drivers in four queries, not 4 × N. */
    static List<CrossingDto> crossings(Session session, List<CrossingEntity> crossings) {
        if (crossings.isEmpty()) {
            return List.of();
        }
        List<Long> ids = crossings.stream().map(CrossingEntity::getId).toList();
        Map<Long, List<CrossingStepEntity>> steps = session
                .createSelectionQuery("from CrossingStepEntity where crossing.id in :ids", CrossingStepEntity.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .collect(Collectors.groupingBy(s -> s.getCrossing().getId()));
        return crossings.stream()
                .map(c -> crossing(c, steps.getOrDefault(c.getId(), List.of())))
                .toList();
    }

    static PlateReadDto plateRead(PlateReadEntity r) {
        return new PlateReadDto(
                r.getId(),
                r.getCameraCode(),
                r.getLaneCode(),
                r.getReadAt(),
                r.getPlate() == null ? r.getRawText() : plate(r.getPlate()),
                r.getCountry(),
                r.getConfidence(),
                r.getImagePath(),
                r.getCrossingId(),
                r.getMatchStatus(),
                PlateMatcher.decode(r.getCandidates()),
                r.getPairedReadId(),
                r.getCorrectedBy());
    }

    static WeighingDto weighing(WeighingEntity w) {
        return new WeighingDto(
                w.getId(), w.getCrossingId(), w.getGrossKg(), w.getScaleCode(), w.getWeighedAt(), w.getOfficer());
    }

    static FeeDto fee(FeeEntity f) {
        return new FeeDto(
                f.getId(),
                f.getCrossingId(),
                f.getKind(),
                f.getAmountVnd(),
                f.isPaid(),
                f.getReceiptNumber(),
                f.getPaidAt());
    }
}
