package vn.bordergate.server.documents.slip;

import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.documents.slip.CrossingSlip.Bilingual;

/** The workflow's terms as the slip prints them, Vietnamese and English (switches: the compiler checks every value is named). */
public final class SlipWords {
    private SlipWords() {}

    public static Bilingual of(Direction direction) {
        return switch (direction) {
            case EXPORT -> new Bilingual("Xuất khẩu", "Export");
            case IMPORT -> new Bilingual("Nhập khẩu", "Import");
            case TEMPORARY_IMPORT_REEXPORT -> new Bilingual("Tạm nhập tái xuất", "Temporary import, re-export");
            case TRANSIT -> new Bilingual("Quá cảnh", "Transit");
            case TRANSSHIPMENT -> new Bilingual("Chuyển tải", "Transshipment");
        };
    }

    public static Bilingual of(Step step) {
        return switch (step) {
            case DECLARATION -> new Bilingual("Khai báo trực tuyến", "Online declaration");
            case TRANSPORT -> new Bilingual("Vận chuyển đến cửa khẩu", "Transport to the gate");
            case VEHICLE_CONTROL -> new Bilingual("Kiểm soát xe vào bãi", "Vehicle control at yard entry");
            case MEDICAL_QUARANTINE -> new Bilingual("Kiểm dịch y tế lái xe", "Medical quarantine");
            case BORDER_CONTROL -> new Bilingual("Biên phòng kiểm soát", "Border-guard control");
            case PLANT_ANIMAL_QUARANTINE -> new Bilingual("Kiểm dịch động thực vật", "Plant and animal quarantine");
            case TRANSSHIPMENT -> new Bilingual("Sang tải, giao nhận hàng", "Transshipment, handover");
            case FEE_COLLECTION -> new Bilingual("Thu phí hạ tầng", "Fee collection");
        };
    }

    public static Bilingual of(Agency agency) {
        return switch (agency) {
            case CUSTOMS -> new Bilingual("Hải quan", "Customs");
            case BORDER_GUARD -> new Bilingual("Biên phòng", "Border guard");
            case MEDICAL_QUARANTINE -> new Bilingual("Kiểm dịch y tế", "Medical quarantine");
            case PLANT_ANIMAL_QUARANTINE -> new Bilingual("Kiểm dịch ĐTV", "Plant/animal quarantine");
            case GATE_MANAGEMENT -> new Bilingual("Ban quản lý cửa khẩu", "Gate management");
            case FEE_COLLECTION -> new Bilingual("Thu phí", "Fee collection");
        };
    }

    public static Bilingual of(StepState state) {
        return switch (state) {
            case PENDING -> new Bilingual("Chờ xử lý", "Pending");
            case PASSED -> new Bilingual("Đạt", "Passed");
            case HELD -> new Bilingual("Tạm giữ", "Held");
            case REJECTED -> new Bilingual("Từ chối", "Rejected");
            case SKIPPED -> new Bilingual("Không áp dụng", "Not applicable");
        };
    }

    public static Bilingual of(CrossingStatus status) {
        return switch (status) {
            case DECLARED -> new Bilingual("Đã khai báo", "Declared");
            case DECLARATION_REJECTED -> new Bilingual("Tờ khai bị từ chối", "Declaration rejected");
            case EN_ROUTE -> new Bilingual("Đang đến cửa khẩu", "En route");
            case IN_PROGRESS -> new Bilingual("Đang kiểm tra", "In progress");
            case HELD -> new Bilingual("Đang tạm giữ", "Held");
            case READY_TO_RELEASE -> new Bilingual("Chờ qua biên giới", "Ready to release");
            case RELEASED -> new Bilingual("Đã qua biên giới", "Released");
            case TURNED_BACK -> new Bilingual("Quay đầu", "Turned back");
            case CANCELLED -> new Bilingual("Đã hủy", "Cancelled");
        };
    }
}
