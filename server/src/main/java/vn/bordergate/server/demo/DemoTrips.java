package vn.bordergate.server.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import vn.bordergate.common.dto.DriverDto;
import vn.bordergate.common.dto.GoodsLineDto;
import vn.bordergate.common.dto.MedicalDeclarationDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.VehicleType;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.CrossingWorkflow;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.demo.DemoEnterprises.Enterprise;
import vn.bordergate.server.demo.DemoEnterprises.Trade;

/** Vehicle trips as enterprises declare them: direction, unique plates, driver, goods. */
final class DemoTrips {
    /** One declared trip, before its expected arrival is chosen. */
    record Trip(
            int enterprise,
            Direction direction,
            String tractorPlate,
            String trailerPlate,
            VehicleType vehicleType,
            DriverDto driver,
            List<GoodsLineDto> goods,
            boolean twoWayTransport,
            MedicalDeclarationDto medical) {
        boolean quarantine() {
            return goods.stream().anyMatch(g -> g.quarantine() != QuarantineKind.NONE);
        }

        boolean applies(Step step) {
            return CrossingWorkflow.applies(step, direction, quarantine());
        }

        BigDecimal goodsKg() {
            return goods.stream().map(GoodsLineDto::grossWeightKg).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    // repeated entries weight the draw: most Vietnamese trucks at Huu Nghi are from Lang Son
    private static final String[] VN_PROVINCES = {
        "12", "12", "12", "12", "12", "12", "29", "29", "98", "98", "98", "14", "15", "15", "20", "51", "47"
    };
    private static final String[] VN_SERIES = {"C", "C", "C", "H"};
    private static final String[] CN_REGIONS = {
        "桂A", "桂A", "桂A", "桂F", "桂F", "桂F", "桂F", "桂P", "桂P", "桂B", "粤A", "粤B", "湘A"
    };
    private static final String CN_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String[] MEDICAL_NOTES = {"Không có triệu chứng", "无症状", "Đã tiêm vắc xin đủ liều"};

    private final Random random;
    private final DemoPeople people;
    private final List<Enterprise> enterprises;
    private final Set<String> plates = new HashSet<>();

    DemoTrips(Random random, DemoPeople people, List<Enterprise> enterprises) {
        this.random = random;
        this.people = people;
        this.enterprises = enterprises;
    }

    List<Trip> generate(int count) {
        List<Trip> trips = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            trips.add(trip());
        }
        return trips;
    }

    private Trip trip() {
        int e = random.nextInt(enterprises.size());
        Enterprise enterprise = enterprises.get(e);
        Direction direction = direction(enterprise.trade());
        boolean exportSide = direction == Direction.EXPORT
                || (direction == Direction.TRANSSHIPMENT && random.nextBoolean())
                || enterprise.trade() == Trade.FRUIT
                || enterprise.trade() == Trade.AGRI;
        List<DemoGoods> choices = new ArrayList<>(DemoGoods.of(enterprise.trade(), exportSide));
        DemoGoods first = choices.remove(random.nextInt(choices.size()));
        List<GoodsLineDto> goods = new ArrayList<>();
        if (!choices.isEmpty() && random.nextInt(4) == 0) {
            double share = 0.4 + random.nextInt(21) / 100.0;
            goods.add(first.line(random, share, enterprise.vietnamese()));
            goods.add(choices.get(random.nextInt(choices.size())).line(random, 1 - share, enterprise.vietnamese()));
        } else {
            goods.add(first.line(random, 1.0, enterprise.vietnamese()));
        }
        VehicleType type = first.vehicleType(random);
        boolean vietnameseVehicle = vietnameseVehicle(direction);
        boolean trailer = type == VehicleType.TRACTOR_TRAILER || type == VehicleType.CONTAINER_TRUCK;
        String tractor;
        String trailerPlate = null;
        if (vietnameseVehicle) {
            String province = pick(VN_PROVINCES);
            tractor = unique(() -> province + pick(VN_SERIES) + "-" + people.digits(3) + "." + people.digits(2));
            if (trailer) {
                trailerPlate = unique(() -> province + "R-0" + people.digits(2) + "." + people.digits(2));
            }
        } else {
            String region = pick(CN_REGIONS);
            tractor = unique(() -> region + "·" + chineseSerial());
            if (trailer) {
                trailerPlate = unique(() -> region + people.digits(4) + "挂");
            }
        }
        BigDecimal temperature = BigDecimal.valueOf(362 + random.nextInt(13), 1);
        String notes = random.nextInt(5) == 0 ? MEDICAL_NOTES[random.nextInt(MEDICAL_NOTES.length)] : null;
        return new Trip(
                e,
                direction,
                tractor,
                trailerPlate,
                type,
                people.driver(vietnameseVehicle),
                List.copyOf(goods),
                random.nextInt(5) == 0,
                new MedicalDeclarationDto(temperature, false, notes));
    }

    private Direction direction(Trade trade) {
        int roll = random.nextInt(100);
        return switch (trade) {
            case FRUIT -> roll < 85 ? Direction.EXPORT : Direction.TRANSSHIPMENT;
            case AGRI -> roll < 90 ? Direction.EXPORT : Direction.TRANSSHIPMENT;
            case ELECTRONICS -> roll < 80 ? Direction.IMPORT : Direction.TEMPORARY_IMPORT_REEXPORT;
            case MACHINERY -> roll < 60 ? Direction.IMPORT : Direction.TEMPORARY_IMPORT_REEXPORT;
            case FERTILISER -> roll < 80 ? Direction.IMPORT : Direction.TRANSSHIPMENT;
            case TEXTILE -> roll < 75 ? Direction.IMPORT : Direction.TRANSIT;
            case FROZEN_FOOD -> Direction.IMPORT;
            case LOGISTICS -> roll < 35
                    ? Direction.TRANSIT
                    : roll < 60 ? Direction.TRANSSHIPMENT : roll < 80 ? Direction.IMPORT : Direction.EXPORT;
        };
    }

    /** Exports mostly leave on Vietnamese trucks, imports mostly arrive on Chinese ones. */
    private boolean vietnameseVehicle(Direction direction) {
        int roll = random.nextInt(100);
        return switch (direction) {
            case EXPORT -> roll < 75;
            case IMPORT, TEMPORARY_IMPORT_REEXPORT -> roll < 25;
            case TRANSIT -> roll < 60;
            case TRANSSHIPMENT -> roll < 50;
        };
    }

    /** Five characters: digits, sometimes a letter first (never I or O). */
    private String chineseSerial() {
        return random.nextInt(5) == 0
                ? CN_LETTERS.charAt(random.nextInt(CN_LETTERS.length())) + people.digits(4)
                : people.digits(5);
    }

    private String unique(java.util.function.Supplier<String> next) {
        String plate;
        do {
            plate = next.get();
        } while (!plates.add(PlateParser.normalize(plate)));
        return plate;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
