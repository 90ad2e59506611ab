package vn.bordergate.server.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import vn.bordergate.common.dto.GoodsLineDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.VehicleType;
import vn.bordergate.server.demo.DemoEnterprises.Trade;

/** Goods that really cross at Huu Nghi, with their HS codes and what a truck carries of them. */
enum DemoGoods {
    DURIAN("08106000", "Sầu riêng tươi", "新鲜榴莲", "Fresh durian", "KGM", 14_000, 19_000, 1.10, QuarantineKind.PLANT),
    DRAGON_FRUIT(
            "08109030",
            "Thanh long ruột đỏ",
            "红心火龙果",
            "Fresh red dragon fruit",
            "KGM",
            15_000,
            22_000,
            1.12,
            QuarantineKind.PLANT),
    JACKFRUIT("08109092", "Mít tươi", "新鲜菠萝蜜", "Fresh jackfruit", "KGM", 18_000, 24_000, 1.05, QuarantineKind.PLANT),
    MANGO("08045020", "Xoài tươi", "新鲜芒果", "Fresh mangoes", "KGM", 14_000, 20_000, 1.10, QuarantineKind.PLANT),
    LYCHEE("08109020", "Vải thiều tươi", "新鲜荔枝", "Fresh lychees", "KGM", 10_000, 15_000, 1.15, QuarantineKind.PLANT),
    CASSAVA_CHIPS(
            "07141011",
            "Sắn lát khô",
            "木薯干片",
            "Dried cassava chips",
            "KGM",
            28_000,
            32_000,
            1.01,
            QuarantineKind.PLANT),
    CASHEW(
            "08013200",
            "Hạt điều nhân",
            "腰果仁",
            "Cashew kernels, shelled",
            "KGM",
            12_000,
            16_000,
            1.04,
            QuarantineKind.PLANT),
    SMARTPHONES(
            "85171300", "Điện thoại thông minh", "智能手机", "Smartphones", "PCE", 3_000, 9_000, 0.45, QuarantineKind.NONE),
    PROCESSORS(
            "85423100",
            "Vi mạch xử lý",
            "处理器集成电路",
            "Processor integrated circuits",
            "PCE",
            50_000,
            200_000,
            0.004,
            QuarantineKind.NONE),
    LAPTOPS("84713020", "Máy tính xách tay", "笔记本电脑", "Laptop computers", "PCE", 800, 2_500, 3.2, QuarantineKind.NONE),
    EXCAVATORS(
            "84295200",
            "Máy xúc bánh xích quay 360 độ",
            "360度旋转履带挖掘机",
            "Tracked excavators, 360° revolving",
            "PCE",
            1,
            2,
            13_500,
            QuarantineKind.NONE),
    FERTILISER(
            "31052000",
            "Phân bón NPK",
            "NPK复合肥",
            "NPK compound fertiliser",
            "KGM",
            28_000,
            32_000,
            1.005,
            QuarantineKind.NONE),
    COTTON_FABRIC(
            "52084200",
            "Vải dệt thoi từ bông, đã nhuộm",
            "色织棉机织物",
            "Woven cotton fabric, dyed",
            "MTK",
            40_000,
            90_000,
            0.18,
            QuarantineKind.NONE),
    FROZEN_PORK(
            "02032900",
            "Thịt lợn đông lạnh",
            "冷冻猪肉",
            "Frozen pork",
            "KGM",
            20_000,
            26_000,
            1.04,
            QuarantineKind.ANIMAL);

    private static final List<DemoGoods> FRUIT = List.of(DURIAN, DRAGON_FRUIT, JACKFRUIT, MANGO, LYCHEE);
    private static final List<DemoGoods> INDUSTRIAL =
            List.of(SMARTPHONES, LAPTOPS, EXCAVATORS, FERTILISER, COTTON_FABRIC);

    private final String hsCode;
    private final String vietnamese;
    private final String chinese;
    private final String english;
    private final String unit;
    private final int minQuantity;
    private final int maxQuantity;
    private final double grossKgPerUnit;
    private final QuarantineKind quarantine;

    DemoGoods(
            String hsCode,
            String vietnamese,
            String chinese,
            String english,
            String unit,
            int minQuantity,
            int maxQuantity,
            double grossKgPerUnit,
            QuarantineKind quarantine) {
        this.hsCode = hsCode;
        this.vietnamese = vietnamese;
        this.chinese = chinese;
        this.english = english;
        this.unit = unit;
        this.minQuantity = minQuantity;
        this.maxQuantity = maxQuantity;
        this.grossKgPerUnit = grossKgPerUnit;
        this.quarantine = quarantine;
    }

    /** What an enterprise of this trade carries; export-side goods for exports and handovers of farm goods. */
    static List<DemoGoods> of(Trade trade, boolean exportSide) {
        return switch (trade) {
            case FRUIT -> FRUIT;
            case AGRI -> List.of(CASSAVA_CHIPS, CASHEW);
            case ELECTRONICS -> List.of(SMARTPHONES, PROCESSORS, LAPTOPS);
            case MACHINERY -> List.of(EXCAVATORS);
            case FERTILISER -> List.of(FERTILISER);
            case TEXTILE -> List.of(COTTON_FABRIC);
            case FROZEN_FOOD -> List.of(FROZEN_PORK);
            case LOGISTICS -> exportSide ? FRUIT : INDUSTRIAL;
        };
    }

    VehicleType vehicleType(Random random) {
        return switch (this) {
            case DURIAN, DRAGON_FRUIT, JACKFRUIT, MANGO, LYCHEE -> random.nextInt(10) < 6
                    ? VehicleType.REFRIGERATED_TRUCK
                    : VehicleType.CONTAINER_TRUCK;
            case CASSAVA_CHIPS, FERTILISER -> random.nextInt(10) < 6 ? VehicleType.TRACTOR_TRAILER : VehicleType.TRUCK;
            case SMARTPHONES, LAPTOPS -> random.nextInt(10) < 6 ? VehicleType.CONTAINER_TRUCK : VehicleType.TRUCK;
            case PROCESSORS -> VehicleType.VAN;
            case EXCAVATORS -> VehicleType.TRACTOR_TRAILER;
            case CASHEW, COTTON_FABRIC -> VehicleType.CONTAINER_TRUCK;
            case FROZEN_PORK -> VehicleType.REFRIGERATED_TRUCK;
        };
    }

    /** A goods line taking {@code share} of a truckload, described in the declaring enterprise's language. */
    GoodsLineDto line(Random random, double share, boolean vietnameseEnterprise) {
        int load = minQuantity + random.nextInt(maxQuantity - minQuantity + 1);
        long quantity = Math.max(1, Math.round(load * share));
        if (unit.equals("KGM") || unit.equals("MTK")) {
            quantity = Math.max(10, quantity / 10 * 10);
        }
        BigDecimal gross = BigDecimal.valueOf(quantity * grossKgPerUnit).setScale(2, RoundingMode.HALF_UP);
        String description = (vietnameseEnterprise ? vietnamese : chinese) + " / " + english;
        return new GoodsLineDto(hsCode, description, BigDecimal.valueOf(quantity), unit, gross, quarantine);
    }
}
