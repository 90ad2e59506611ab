package vn.bordergate.server.reports;

import vn.bordergate.common.dto.FeeKind;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Step;

/** Vietnamese / English names for what reports print (one font covers both; Chinese stays off reports). */
final class Labels {
    private Labels() {}

    static String step(Step step) {
        return step.number() + ". "
                + switch (step) {
                    case DECLARATION -> "Khai báo trực tuyến / Online declaration";
                    case TRANSPORT -> "Vận chuyển đến cửa khẩu / Transport to the gate";
                    case VEHICLE_CONTROL -> "Kiểm soát xe vào bãi / Vehicle control";
                    case MEDICAL_QUARANTINE -> "Kiểm dịch y tế / Medical quarantine";
                    case BORDER_CONTROL -> "Biên phòng / Border control";
                    case PLANT_ANIMAL_QUARANTINE -> "Kiểm dịch động thực vật / Plant & animal quarantine";
                    case TRANSSHIPMENT -> "Sang tải, giao nhận / Transshipment";
                    case FEE_COLLECTION -> "Thu phí / Fee collection";
                };
    }

    static String agency(Agency agency) {
        return switch (agency) {
            case CUSTOMS -> "Hải quan / Customs";
            case BORDER_GUARD -> "Biên phòng / Border guard";
            case MEDICAL_QUARANTINE -> "Kiểm dịch y tế / Medical quarantine";
            case PLANT_ANIMAL_QUARANTINE -> "Kiểm dịch ĐTV / Plant & animal quarantine";
            case GATE_MANAGEMENT -> "Ban quản lý / Gate management";
            case FEE_COLLECTION -> "Thu phí / Fee collection";
        };
    }

    static String fee(FeeKind kind) {
        return switch (kind) {
            case INFRASTRUCTURE -> "Phí hạ tầng / Infrastructure";
            case YARD_SERVICE -> "Dịch vụ bãi / Yard service";
            case QUARANTINE_SERVICE -> "Dịch vụ kiểm dịch / Quarantine service";
            case WEIGHING -> "Cân xe / Weighing";
        };
    }

    /** A stored (normalised) plate as it is written on the truck. */
    static String plate(String stored) {
        return stored == null
                ? ""
                : PlateParser.tryParse(stored).map(Plate::display).orElse(stored);
    }

    static String action(String action) {
        return switch (action) {
            case "HOLD" -> "Giữ / Hold";
            case "REJECT" -> "Từ chối / Reject";
            default -> action;
        };
    }
}
