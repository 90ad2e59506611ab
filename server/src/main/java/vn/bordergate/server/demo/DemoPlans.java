package vn.bordergate.server.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.demo.DemoTrips.Trip;

/**
 * How far each trip gets today. Every status and every "next step" is represented whatever the seed:
 * the special cases are placed first on trips they fit, the rest are spread at random.
 */
final class DemoPlans {
    enum End {
        NONE,
        HOLD,
        REJECT,
        RELEASE
    }

    /**
     * Pass the first {@code passes} steps of {@code order}, then hold or reject the next one, or release
     * the vehicle.
     */
    record Plan(List<Step> order, int passes, End end, String reason) {
        boolean arrived() {
            return passes >= 2;
        }

        int progress() {
            return passes + (end == End.RELEASE ? 1 : 0);
        }
    }

    static final int REJECTED = 3;
    static final int RELEASED = 30;
    static final int READY = 12;
    static final int IN_PROGRESS = 55;
    static final int EN_ROUTE = 60;

    private static final List<Step> HOLDS = List.of(
            Step.DECLARATION,
            Step.VEHICLE_CONTROL,
            Step.MEDICAL_QUARANTINE,
            Step.BORDER_CONTROL,
            Step.PLANT_ANIMAL_QUARANTINE,
            Step.PLANT_ANIMAL_QUARANTINE,
            Step.TRANSSHIPMENT,
            Step.FEE_COLLECTION);
    private static final String[] REJECT_REASONS = {
        "HS code does not match the goods description",
        "Mã HS không khớp với mô tả hàng hóa",
        "Thiếu giấy chứng nhận kiểm dịch thực vật (Phytosanitary certificate missing)"
    };

    private final Random random;

    DemoPlans(Random random) {
        this.random = random;
    }

    List<Plan> assign(List<Trip> trips) {
        List<Integer> shuffled =
                new ArrayList<>(IntStream.range(0, trips.size()).boxed().toList());
        Collections.shuffle(shuffled, random);
        Plan[] plans = new Plan[trips.size()];
        for (int i = 0; i < REJECTED; i++) {
            place(
                    trips,
                    plans,
                    shuffled,
                    Step.DECLARATION,
                    t -> new Plan(
                            List.of(Step.DECLARATION),
                            0,
                            End.REJECT,
                            REJECT_REASONS[random.nextInt(REJECT_REASONS.length)]));
        }
        for (Step step : HOLDS) {
            place(trips, plans, shuffled, step, t -> {
                List<Step> order = order(t, true);
                return new Plan(order, order.indexOf(step), End.HOLD, holdReason(step));
            });
        }
        // one trip waiting at each step from vehicle control on, the earlier steps all passed
        for (Step step : Step.values()) {
            if (step.number() >= Step.VEHICLE_CONTROL.number()) {
                for (int i = 0; i < 2; i++) {
                    place(trips, plans, shuffled, step, t -> {
                        List<Step> order = order(t, false);
                        return new Plan(order, order.indexOf(step), End.NONE, null);
                    });
                }
            }
        }
        for (int i = 0; i < RELEASED; i++) {
            place(trips, plans, shuffled, null, t -> {
                List<Step> order = order(t, true);
                return new Plan(order, order.size(), End.RELEASE, null);
            });
        }
        for (int i = 0; i < READY; i++) {
            place(trips, plans, shuffled, null, t -> {
                List<Step> order = order(t, true);
                return new Plan(order, order.size(), End.NONE, null);
            });
        }
        for (int i = 0; i < IN_PROGRESS; i++) {
            place(trips, plans, shuffled, null, t -> {
                List<Step> order = order(t, true);
                return new Plan(order, 2 + random.nextInt(order.size() - 2), End.NONE, null);
            });
        }
        for (int i = 0; i < EN_ROUTE; i++) {
            place(trips, plans, shuffled, null, t -> new Plan(order(t, false), 1, End.NONE, null));
        }
        for (int i = 0; i < plans.length; i++) {
            if (plans[i] == null) {
                plans[i] = new Plan(order(trips.get(i), false), 0, End.NONE, null);
            }
        }
        return List.of(plans);
    }

    /**
     * Expected arrivals in the gate's time zone today and tomorrow: trips already at the gate arrived
     * earlier today (the further along, the earlier), the others are still to come.
     */
    List<Instant> arrivals(List<Plan> plans, Instant now, ZoneId zone) {
        Instant todayStart = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        Instant tomorrowEnd =
                now.atZone(zone).toLocalDate().plusDays(2).atStartOfDay(zone).toInstant();
        Instant pastFrom = max(todayStart, now.minus(Duration.ofHours(20)));
        Instant pastTo = now.minus(Duration.ofMinutes(5));
        if (Duration.between(pastFrom, pastTo).toMinutes() < 60) {
            pastFrom = pastTo.minus(Duration.ofHours(1)); // just after midnight: "today" began a moment ago
        }
        Instant futureFrom = now.plus(Duration.ofMinutes(10));
        Instant futureTo = tomorrowEnd.minus(Duration.ofMinutes(30));
        Instant[] arrivals = new Instant[plans.size()];
        spread(plans, arrivals, true, pastFrom, pastTo);
        spread(plans, arrivals, false, futureFrom, futureTo);
        return List.of(arrivals);
    }

    private void spread(List<Plan> plans, Instant[] arrivals, boolean arrived, Instant from, Instant to) {
        List<Integer> group = IntStream.range(0, plans.size())
                .filter(i -> plans.get(i).arrived() == arrived)
                .boxed()
                .sorted(Comparator.comparingInt((Integer i) -> -plans.get(i).progress()))
                .toList();
        long minutes = Math.max(1, Duration.between(from, to).toMinutes());
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            times.add(from.plus(random.nextLong(minutes), ChronoUnit.MINUTES)
                    .truncatedTo(ChronoUnit.MINUTES)
                    .plus(5, ChronoUnit.MINUTES));
        }
        Collections.sort(times);
        for (int i = 0; i < group.size(); i++) {
            Instant t = times.get(i);
            arrivals[group.get(i)] = t.isAfter(to) ? to : t;
        }
    }

    /** The trip's steps in decision order: 1 to 3, then the parallel ones in numeric or random order. */
    private List<Step> order(Trip trip, boolean shuffleParallel) {
        List<Step> order = new ArrayList<>();
        List<Step> parallel = new ArrayList<>();
        for (Step step : Step.values()) {
            if (trip.applies(step)) {
                (step.number() <= Step.VEHICLE_CONTROL.number() ? order : parallel).add(step);
            }
        }
        if (shuffleParallel) {
            Collections.shuffle(parallel, random);
        }
        order.addAll(parallel);
        return List.copyOf(order);
    }

    private static void place(
            List<Trip> trips,
            Plan[] plans,
            List<Integer> shuffled,
            Step needs,
            java.util.function.Function<Trip, Plan> plan) {
        for (int i : shuffled) {
            if (plans[i] == null && (needs == null || trips.get(i).applies(needs))) {
                plans[i] = plan.apply(trips.get(i));
                return;
            }
        }
    }

    private String holdReason(Step step) {
        String[] reasons =
                switch (step) {
                    case DECLARATION -> new String[] {"Thiếu C/O mẫu E, chờ doanh nghiệp bổ sung"};
                    case TRANSPORT, VEHICLE_CONTROL -> new String[] {
                        "Cân vượt tải trọng cho phép, chờ hạ tải", "Overweight: awaiting re-weighing"
                    };
                    case MEDICAL_QUARANTINE -> new String[] {
                        "Lái xe sốt 38,1 °C, đo lại sau 30 phút", "Driver has a fever, re-check in 30 minutes"
                    };
                    case BORDER_CONTROL -> new String[] {
                        "Hộ chiếu lái xe bị rách trang thị thực, đang xác minh", "Driver's passport under verification"
                    };
                    case PLANT_ANIMAL_QUARANTINE -> new String[] {
                        "Sample sent for pest analysis", "Lấy mẫu gửi phân tích sâu bệnh, chờ kết quả"
                    };
                    case TRANSSHIPMENT -> new String[] {
                        "Số niêm phong container không khớp tờ khai", "Container seal number does not match"
                    };
                    case FEE_COLLECTION -> new String[] {"Chưa nộp phí sử dụng công trình hạ tầng"};
                };
        return reasons[random.nextInt(reasons.length)];
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
