package vn.bordergate.workstation.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateUnreachableException;
import vn.bordergate.common.dto.ApiError;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;

class WordingTest {
    private static Properties bundle(String suffix) throws IOException {
        String path = "/" + Wording.BUNDLE.replace('.', '/') + suffix + ".properties";
        Properties texts = new Properties();
        try (InputStream in = WordingTest.class.getResourceAsStream(path)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    @Test
    void everyLanguageHasEveryTextAndEachIsAValidPattern() throws IOException {
        Properties vietnamese = bundle("");
        for (String suffix : List.of("_en", "_zh")) {
            Properties other = bundle(suffix);
            assertThat(other.stringPropertyNames()).as(suffix).isEqualTo(vietnamese.stringPropertyNames());
            other.stringPropertyNames().forEach(key -> new MessageFormat(other.getProperty(key)));
        }
        vietnamese.stringPropertyNames().forEach(key -> new MessageFormat(vietnamese.getProperty(key)));
    }

    @Test
    void everyDomainValueHasAWordInEveryLanguage() {
        for (Locale language : Wording.LANGUAGES) {
            Wording words = Wording.of(language);
            for (Agency a : Agency.values()) {
                assertThat(words.agency(a)).doesNotStartWith("agency.");
                assertThat(words.agencyShort(a)).doesNotStartWith("agency.");
            }
            for (Step s : Step.values()) {
                assertThat(words.step(s)).doesNotStartWith("step.");
            }
            for (StepState s : StepState.values()) {
                assertThat(words.state(s)).doesNotStartWith("state.");
            }
            for (CrossingStatus s : CrossingStatus.values()) {
                assertThat(words.status(s)).doesNotStartWith("status.");
            }
            for (Direction d : Direction.values()) {
                assertThat(words.direction(d)).doesNotStartWith("direction.");
            }
            for (Role r : Role.values()) {
                assertThat(words.role(r)).doesNotStartWith("role.");
            }
        }
    }

    @Test
    void vietnameseIsTheDefaultWhateverTheComputersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(Wording.of(Wording.VIETNAMESE).text("login.submit")).isEqualTo("Đăng nhập");
            assertThat(Wording.of(Wording.language("fr")).text("login.submit")).isEqualTo("Đăng nhập");
            assertThat(Wording.of(Wording.language("zh")).text("login.submit")).isEqualTo("登录");
            assertThat(Wording.of(Wording.language("en_US")).text("login.submit"))
                    .isEqualTo("Sign in");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void problemsAreOneSentenceWithoutAStackTrace() {
        Wording words = Wording.of(Wording.ENGLISH);
        assertThat(words.problem(new CompletionException(new GateUnreachableException("refused", null))))
                .isEqualTo("The gate server cannot be reached. Check the network or call the technical desk.");
        assertThat(words.loginProblem(api(401, "wrong username or password"))).isEqualTo("Wrong username or password.");
        assertThat(words.problem(api(401, "token expired"))).isEqualTo("Your session has expired. Sign in again.");
        assertThat(words.problem(api(403, "no"))).isEqualTo("Your account is not allowed to do this.");
        assertThat(words.problem(new GateApiException(
                        429, new ApiError(429, "too_many", "slow down", List.of()), Duration.ofSeconds(30))))
                .isEqualTo("Too many failed sign-ins. Try again in 30 s.");
        assertThat(words.problem(new IllegalStateException("bug at line 42")))
                .isEqualTo("Something unexpected went wrong. Nothing was done; please try again.");
    }

    @Test
    void timesWeightsAndWaitsFollowTheLanguage() {
        Wording vietnamese = Wording.of(Wording.VIETNAMESE);
        assertThat(vietnamese.waited(Duration.ofMinutes(45))).isEqualTo("45 phút");
        assertThat(vietnamese.waited(Duration.ofMinutes(125))).isEqualTo("2 giờ 05");
        assertThat(vietnamese.weight(new java.math.BigDecimal("12850.5"))).isEqualTo("12.850,5 kg");
        assertThat(Wording.of(Wording.ENGLISH).weight(new java.math.BigDecimal("12850.5")))
                .isEqualTo("12,850.5 kg");
        assertThat(Wording.of(Wording.CHINESE).waited(Duration.ofMinutes(125))).isEqualTo("2 小时 05 分");
    }

    private static GateApiException api(int status, String message) {
        return new GateApiException(status, new ApiError(status, "e", message, List.of()));
    }
}
