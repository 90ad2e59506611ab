package vn.bordergate.workstation.text;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;

/**
 * Every word the workstation shows, in the officer's language (Vietnamese unless chosen otherwise), with
 * times, weights and waiting times formatted for that language. Texts are {@link MessageFormat} patterns,
 * so an apostrophe in a bundle is written twice.
 */
public final class Wording {
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    public static final Locale ENGLISH = Locale.forLanguageTag("en-GB");
    public static final Locale CHINESE = Locale.forLanguageTag("zh-CN");
    public static final List<Locale> LANGUAGES = List.of(VIETNAMESE, ENGLISH, CHINESE);

    static final String BUNDLE = "vn.bordergate.workstation.text.messages";

    private final Locale locale;
    private final ResourceBundle bundle;
    private final ZoneId zone;
    private final DateTimeFormatter time;
    private final DateTimeFormatter dayAndTime;

    private Wording(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        // no fallback to the JVM's default locale: a Vietnamese officer on an English Windows still gets
        // Vietnamese (the base bundle), not English
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.time = DateTimeFormatter.ofPattern("HH:mm", locale).withZone(zone);
        this.dayAndTime =
                DateTimeFormatter.ofPattern(text("format.dayAndTime"), locale).withZone(zone);
    }

    /** The wording for {@code locale} with times in this computer's time zone. */
    public static Wording of(Locale locale) {
        return new Wording(locale, ZoneId.systemDefault());
    }

    public static Wording of(Locale locale, ZoneId zone) {
        return new Wording(locale, zone);
    }

    /** The language matching a tag such as {@code vi}, {@code en} or {@code zh}; Vietnamese otherwise. */
    public static Locale language(String tag) {
        if (tag == null) {
            return VIETNAMESE;
        }
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return LANGUAGES.stream()
                .filter(l -> l.getLanguage().equals(language))
                .findFirst()
                .orElse(VIETNAMESE);
    }

    public Locale locale() {
        return locale;
    }

    public boolean isChinese() {
        return locale.getLanguage().equals(CHINESE.getLanguage());
    }

    /** The text for {@code key}, its {@code {0}}… filled with {@code args}; the key itself when missing. */
    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key; // a missing text must not take the screen down; the bundle test finds it first
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    public String agency(Agency agency) {
        return agency == null ? text("agency.none") : text("agency." + agency.name());
    }

    public String agencyShort(Agency agency) {
        return agency == null ? "" : text("agency.short." + agency.name());
    }

    public String step(Step step) {
        return text("step." + step.name());
    }

    public String state(StepState state) {
        return text("state." + state.name());
    }

    public String status(CrossingStatus status) {
        return text("status." + status.name());
    }

    public String direction(Direction direction) {
        return text("direction." + direction.name());
    }

    public String directionShort(Direction direction) {
        return text("direction.short." + direction.name());
    }

    public String role(Role role) {
        return text("role." + role.name());
    }

    /** 14:05 today, or 12/05 14:05 on another day. */
    public String time(Instant at) {
        if (at == null) {
            return "";
        }
        boolean today = LocalDate.ofInstant(at, zone).equals(LocalDate.now(zone));
        return today ? time.format(at) : dayAndTime.format(at);
    }

    /** 45 min, 2 h 05 — how long a vehicle has waited, short enough for a table cell. */
    public String waited(Duration waited) {
        if (waited == null || waited.isNegative()) {
            return "";
        }
        long minutes = waited.toMinutes();
        return minutes < 60
                ? text("format.minutes", minutes)
                : text("format.hoursMinutes", minutes / 60, String.format("%02d", minutes % 60));
    }

    /** 12 850,5 kg in Vietnamese, 12,850.5 kg in English. */
    public String weight(BigDecimal kilograms) {
        if (kilograms == null) {
            return "";
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(1);
        return text("format.kilograms", number.format(kilograms));
    }

    /** The plain-words sentence for a failed call or action. */
    public String problem(Throwable failure) {
        return Problems.sentence(this, failure, false);
    }

    /** As {@link #problem}, for a failed login: there a 401 means a wrong username or password. */
    public String loginProblem(Throwable failure) {
        return Problems.sentence(this, failure, true);
    }
}
