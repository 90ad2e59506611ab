package vn.bordergate.server.demo;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import vn.bordergate.common.dto.DriverDto;

/** Vietnamese and Chinese people: drivers and enterprise contacts, with unique travel documents. */
final class DemoPeople {
    private static final String[] VN_FAMILY = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Nông", "Lương", "Vi",
        "Lăng", "Hà", "Triệu", "Chu", "Mạc"
    };
    private static final String[] VN_MIDDLE = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Công", "Ngọc"};
    private static final String[] VN_GIVEN = {
        "Hùng", "Dũng", "Tuấn", "Cường", "Hải", "Long", "Thắng", "Quân", "Sơn", "Phong", "Tùng", "Nam", "Bình", "Khánh",
        "Đạt", "Hưng", "Trung", "Kiên", "Toàn", "Hiếu", "Lâm", "Thành", "Vượng", "Định"
    };
    private static final String[][] CN_FAMILY = {
        {"黄", "Huang"}, {"李", "Li"}, {"韦", "Wei"}, {"农", "Nong"}, {"陆", "Lu"}, {"梁", "Liang"}, {"覃", "Qin"},
        {"蒙", "Meng"}, {"莫", "Mo"}, {"王", "Wang"}, {"张", "Zhang"}, {"陈", "Chen"}, {"刘", "Liu"}, {"赵", "Zhao"},
        {"廖", "Liao"}, {"苏", "Su"}
    };
    private static final String[][] CN_GIVEN = {
        {"志强", "Zhiqiang"},
        {"建华", "Jianhua"},
        {"伟", "Wei"},
        {"海涛", "Haitao"},
        {"国庆", "Guoqing"},
        {"明", "Ming"},
        {"军", "Jun"},
        {"永福", "Yongfu"},
        {"德明", "Deming"},
        {"春生", "Chunsheng"},
        {"文斌", "Wenbin"},
        {"家豪", "Jiahao"},
        {"红兵", "Hongbing"},
        {"金龙", "Jinlong"},
        {"小平", "Xiaoping"},
        {"宏伟", "Hongwei"},
        {"振华", "Zhenhua"},
        {"立新", "Lixin"}
    };
    private static final String[] VN_MOBILE = {"091", "094", "098", "097", "096", "086", "088", "083", "035", "036"};
    private static final String[] CN_MOBILE = {"138", "139", "135", "150", "151", "177", "180", "186", "189", "199"};

    private final Random random;
    private final Set<String> documents = new HashSet<>();

    DemoPeople(Random random) {
        this.random = random;
    }

    String vietnameseName() {
        return pick(VN_FAMILY) + " " + pick(VN_MIDDLE) + " " + pick(VN_GIVEN);
    }

    /** A Chinese name in characters with its pinyin, e.g. 黄志强 (Huang Zhiqiang). */
    String chineseName() {
        String[] family = CN_FAMILY[random.nextInt(CN_FAMILY.length)];
        String[] given = CN_GIVEN[random.nextInt(CN_GIVEN.length)];
        return family[0] + given[0] + " (" + family[1] + " " + given[1] + ")";
    }

    String vietnameseMobile() {
        return pick(VN_MOBILE) + digits(7);
    }

    String chineseMobile() {
        return "+86 " + pick(CN_MOBILE) + " " + digits(4) + " " + digits(4);
    }

    /** A driver with a passport unique in the demo: Vietnamese C1234567, Chinese E12345678. */
    DriverDto driver(boolean vietnamese) {
        String document;
        do {
            document = vietnamese ? "C" + digits(7) : "E" + digits(8);
        } while (!documents.add(document));
        return vietnamese
                ? new DriverDto(vietnameseName(), document, "VN", vietnameseMobile())
                : new DriverDto(chineseName(), document, "CN", chineseMobile());
    }

    String digits(int count) {
        StringBuilder s = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
