package vn.bordergate.server.service;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.bordergate.common.dto.CameraDto;
import vn.bordergate.common.dto.LaneDto;
import vn.bordergate.common.dto.StationDto;
import vn.bordergate.common.dto.YardDto;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.server.persistence.CameraEntity;
import vn.bordergate.server.persistence.LaneEntity;
import vn.bordergate.server.persistence.StationEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.persistence.YardEntity;

/** The gate's lanes, cameras, stations and yards (with how full each yard is now). */
public final class ReferenceData {
    private final Transactions tx;

    public ReferenceData(Transactions tx) {
        this.tx = tx;
    }

    public List<LaneDto> lanes() {
        return tx.read(
                s -> s.createSelectionQuery("from LaneEntity order by code", LaneEntity.class).getResultList().stream()
                        .map(l -> new LaneDto(l.getId(), l.getCode(), l.getName(), l.getDirection()))
                        .toList());
    }

    public List<CameraDto> cameras() {
        return tx.read(s -> s
                .createSelectionQuery("from CameraEntity c join fetch c.lane order by c.code", CameraEntity.class)
                .getResultList()
                .stream()
                .map(c -> new CameraDto(c.getId(), c.getCode(), c.getLane().getCode(), c.getSourceUrl(), c.isEnabled()))
                .toList());
    }

    public List<StationDto> stations() {
        return tx.read(s ->
                s.createSelectionQuery("from StationEntity order by code", StationEntity.class).getResultList().stream()
                        .map(st -> new StationDto(st.getId(), st.getCode(), st.getName(), st.getAgency()))
                        .toList());
    }

    public List<YardDto> yards() {
        return tx.read(s -> {
            Map<String, Long> occupied = s
                    .createSelectionQuery(
                            "select yardCode, count(*) from CrossingEntity where yardCode is not null"
                                    + " and status in (:atGate) group by yardCode",
                            Object[].class)
                    .setParameter(
                            "atGate",
                            List.of(CrossingStatus.IN_PROGRESS, CrossingStatus.HELD, CrossingStatus.READY_TO_RELEASE))
                    .getResultList()
                    .stream()
                    .collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
            return s.createSelectionQuery("from YardEntity order by code", YardEntity.class).getResultList().stream()
                    .map(y -> new YardDto(
                            y.getId(),
                            y.getCode(),
                            y.getName(),
                            y.getCapacity(),
                            occupied.getOrDefault(y.getCode(), 0L)))
                    .toList();
        });
    }
}
