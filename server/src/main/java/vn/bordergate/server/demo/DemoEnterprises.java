package vn.bordergate.server.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The demo's enterprises: Vietnamese traders of Lang Son, Bac Giang and Hanoi (10-digit tax codes
 * with their check digit) and Chinese traders of Pingxiang, Nanning and Dongxing (18-character
 * unified social credit codes with their check character).
 */
final class DemoEnterprises {
    /** What an enterprise trades, which decides its trips' directions and goods. */
    enum Trade {
        FRUIT,
        AGRI,
        ELECTRONICS,
        MACHINERY,
        FERTILISER,
        TEXTILE,
        FROZEN_FOOD,
        LOGISTICS
    }

    record Enterprise(
            String taxCode,
            String name,
            String country,
            String contactName,
            String contactPhone,
            String contactEmail,
            Trade trade,
            boolean priority) {
        boolean vietnamese() {
            return country.equals("VN");
        }
    }

    private record Row(String region, String name, String mailDomain, Trade trade, boolean priority) {}

    // region: the tax office prefix (VN) or the administrative division code (CN)
    private static final List<Row> VIETNAMESE = List.of(
            new Row("4900", "Công ty TNHH Xuất nhập khẩu Nông sản Xứ Lạng", "nongsanxulang.vn", Trade.FRUIT, true),
            new Row("4900", "Công ty Cổ phần Thương mại Hữu Nghị", "tmhuunghi.vn", Trade.FRUIT, false),
            new Row("4900", "Công ty TNHH Logistics Tân Thanh", "tanthanhlogistics.vn", Trade.LOGISTICS, false),
            new Row("4900", "Công ty TNHH Trái cây Đồng Đăng", "traicaydongdang.vn", Trade.FRUIT, false),
            new Row("4900", "Công ty Cổ phần Vận tải Quốc tế Lạng Sơn", "vantailangson.vn", Trade.LOGISTICS, false),
            new Row("4900", "Công ty TNHH Nông sản Chi Lăng", "nongsanchilang.vn", Trade.AGRI, false),
            new Row("4900", "Công ty TNHH Hoa quả Cao Lộc", "hoaquacaoloc.vn", Trade.FRUIT, false),
            new Row("4900", "Công ty Cổ phần Kho vận Kỳ Lừa", "khovankylua.vn", Trade.LOGISTICS, false),
            new Row("4900", "Công ty TNHH Thương mại Văn Lãng", "tmvanlang.vn", Trade.FERTILISER, false),
            new Row("2400", "Công ty TNHH Vải thiều Lục Ngạn", "vaithieulucngan.vn", Trade.FRUIT, false),
            new Row("2400", "Công ty Cổ phần Nông sản Bắc Giang", "nongsanbacgiang.vn", Trade.AGRI, false),
            new Row("2400", "Công ty TNHH Phân bón Kinh Bắc", "phanbonkinhbac.vn", Trade.FERTILISER, false),
            new Row("2400", "Công ty TNHH Vận tải Bắc Giang Xanh", "bacgiangxanh.vn", Trade.LOGISTICS, false),
            new Row("2400", "Công ty TNHH Điện tử Quang Châu", "dientuquangchau.vn", Trade.ELECTRONICS, false),
            new Row("0101", "Công ty Cổ phần Thương mại Điện tử Hà Nội", "tmdthanoi.vn", Trade.ELECTRONICS, true),
            new Row(
                    "0102",
                    "Công ty Cổ phần Máy xây dựng Thăng Long",
                    "mayxaydungthanglong.vn",
                    Trade.MACHINERY,
                    false),
            new Row("0105", "Công ty TNHH Dệt may Phương Đông Hà Nội", "detmayphuongdong.vn", Trade.TEXTILE, false),
            new Row(
                    "0106",
                    "Công ty Cổ phần Thực phẩm Đông lạnh Hà Thành",
                    "donglanhhathanh.vn",
                    Trade.FROZEN_FOOD,
                    false),
            new Row("0108", "Công ty TNHH Xuất nhập khẩu Hạt điều Long Biên", "hatdieulongbien.vn", Trade.AGRI, false),
            new Row("0109", "Công ty TNHH Tiếp vận Quốc tế Hà Nội", "tiepvanhanoi.vn", Trade.LOGISTICS, false));

    private static final List<Row> CHINESE = List.of(
            new Row("450103", "南宁市华南电子科技有限公司 (Nanning Huanan Dianzi Keji)", "hndz.cn", Trade.ELECTRONICS, true),
            new Row(
                    "451481",
                    "凭祥市友谊关进出口贸易有限公司 (Pingxiang Youyiguan Jinchukou Maoyi)",
                    "yyg-trade.cn",
                    Trade.FRUIT,
                    true),
            new Row(
                    "451481",
                    "广西凭祥鑫达水果贸易有限公司 (Guangxi Pingxiang Xinda Shuiguo Maoyi)",
                    "xindafruit.cn",
                    Trade.FRUIT,
                    false),
            new Row("451481", "凭祥市浦寨果蔬批发有限公司 (Pingxiang Puzhai Guoshu Pifa)", "puzhaigs.cn", Trade.FRUIT, false),
            new Row("451481", "凭祥市弄尧国际物流有限公司 (Pingxiang Nongyao Guoji Wuliu)", "nongyao56.cn", Trade.LOGISTICS, false),
            new Row("451481", "凭祥市南友物流有限公司 (Pingxiang Nanyou Wuliu)", "nanyou56.cn", Trade.LOGISTICS, false),
            new Row(
                    "451481",
                    "凭祥市祥海电子商务有限公司 (Pingxiang Xianghai Dianzi Shangwu)",
                    "xianghai-ec.cn",
                    Trade.ELECTRONICS,
                    false),
            new Row(
                    "451481",
                    "广西凭祥综合保税区供应链管理有限公司 (Pingxiang Baoshuiqu Gongyinglian)",
                    "pxbsq-scm.cn",
                    Trade.LOGISTICS,
                    false),
            new Row(
                    "450107",
                    "南宁市智联通讯设备有限公司 (Nanning Zhilian Tongxun Shebei)",
                    "zhiliantx.cn",
                    Trade.ELECTRONICS,
                    false),
            new Row(
                    "450108",
                    "广西南宁机械设备进出口有限公司 (Guangxi Nanning Jixie Shebei Jinchukou)",
                    "nnjxsb.cn",
                    Trade.MACHINERY,
                    false),
            new Row("450107", "南宁市邕江工程机械有限公司 (Nanning Yongjiang Gongcheng Jixie)", "yjgcjx.cn", Trade.MACHINERY, false),
            new Row("450103", "南宁市绿城农资有限公司 (Nanning Lücheng Nongzi)", "lcnz.cn", Trade.FERTILISER, false),
            new Row("450108", "广西北部湾化肥有限公司 (Guangxi Beibuwan Huafei)", "bbwhf.cn", Trade.FERTILISER, false),
            new Row("450103", "南宁市东盟纺织品贸易有限公司 (Nanning Dongmeng Fangzhipin Maoyi)", "dmfz.cn", Trade.TEXTILE, false),
            new Row("450681", "东兴市边贸物流有限公司 (Dongxing Bianmao Wuliu)", "dxbm56.cn", Trade.LOGISTICS, false),
            new Row(
                    "450681",
                    "东兴市金海湾冷链食品有限公司 (Dongxing Jinhaiwan Lenglian Shipin)",
                    "jhwll.cn",
                    Trade.FROZEN_FOOD,
                    false),
            new Row("450681", "东兴市万众国际贸易有限公司 (Dongxing Wanzhong Guoji Maoyi)", "wzgjmy.cn", Trade.TEXTILE, false),
            new Row("450681", "东兴市北仑河贸易有限公司 (Dongxing Beilunhe Maoyi)", "blhmy.cn", Trade.AGRI, false),
            new Row("450681", "东兴市京岛农产品进出口有限公司 (Dongxing Jingdao Nongchanpin)", "jdncp.cn", Trade.FRUIT, false),
            new Row("451481", "凭祥市红木城商贸有限公司 (Pingxiang Hongmucheng Shangmao)", "hmcsm.cn", Trade.LOGISTICS, false));

    private static final int[] VN_WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private DemoEnterprises() {}

    /** Vietnamese and Chinese enterprises alternating: the first is Vietnamese, the second Chinese. */
    static List<Enterprise> generate(Random random, DemoPeople people) {
        Set<String> taxCodes = new HashSet<>();
        List<Enterprise> all = new ArrayList<>();
        for (int i = 0; i < Math.max(VIETNAMESE.size(), CHINESE.size()); i++) {
            if (i < VIETNAMESE.size()) {
                Row r = VIETNAMESE.get(i);
                String tax = unique(taxCodes, () -> vietnameseTaxCode(random, r.region()));
                all.add(new Enterprise(
                        tax,
                        r.name(),
                        "VN",
                        people.vietnameseName(),
                        people.vietnameseMobile(),
                        "xnk@" + r.mailDomain(),
                        r.trade(),
                        r.priority()));
            }
            if (i < CHINESE.size()) {
                Row r = CHINESE.get(i);
                String tax = unique(taxCodes, () -> creditCode(random, r.region()));
                all.add(new Enterprise(
                        tax,
                        r.name(),
                        "CN",
                        people.chineseName(),
                        people.chineseMobile(),
                        "trade@" + r.mailDomain(),
                        r.trade(),
                        r.priority()));
            }
        }
        return all;
    }

    private static String unique(Set<String> taken, java.util.function.Supplier<String> next) {
        String code;
        do {
            code = next.get();
        } while (!taken.add(code));
        return code;
    }

    /** A Vietnamese enterprise tax code: 2-digit province, 7 digits, check digit. */
    static String vietnameseTaxCode(Random random, String prefix) {
        while (true) {
            StringBuilder s = new StringBuilder(prefix);
            while (s.length() < 9) {
                s.append((char) ('0' + random.nextInt(10)));
            }
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (s.charAt(i) - '0') * VN_WEIGHTS[i];
            }
            int check = 10 - sum % 11;
            if (check < 10) {
                return s.append(check).toString();
            }
        }
    }

    /** A unified social credit code (GB 32100-2015): 91 (enterprise), division, organisation code, check. */
    static String creditCode(Random random, String division) {
        StringBuilder s = new StringBuilder("91").append(division).append("MA");
        while (s.length() < 17) {
            s.append(USCC_CHARS.charAt(random.nextInt(USCC_CHARS.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(s.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return s.append(USCC_CHARS.charAt(check)).toString();
    }
}
