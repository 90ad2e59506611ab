package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateParser;

class PlateDisplaysTest {
    private final PlateDisplays displays = new PlateDisplays();

    @Test
    void aPlateIsPrintedAsDtoMappingPrintsItTheFirstTimeAndAfter() {
        for (String plate : new String[] {
            PlateParser.normalize("29C-123.45"),
            PlateParser.normalize("51LD-123.45"),
            PlateParser.normalize("粤B12345"),
            "NOT A PLATE",
            ""
        }) {
            String first = displays.of(plate);
            String again = displays.of(plate);

            assertThat(first).as(plate).isEqualTo(DtoMapping.plate(plate));
            assertThat(again).as(plate).isEqualTo(first);
        }
        assertThat(displays.of(null)).isNull();
        assertThat(DtoMapping.plate("29C12345")).isNotEqualTo("29C12345"); // the case above that is really printed
    }

    @Test
    void keptPlatesAreBoundedAndStillRightAfterBeingDropped() {
        for (int n = 0; n < PlateDisplays.MAX_PLATES + 10; n++) {
            displays.of(String.format("29C%05d", n % 100_000) + (n >= 100_000 ? "9" : ""));
        }

        assertThat(displays.size()).isLessThanOrEqualTo(PlateDisplays.MAX_PLATES);
        assertThat(displays.of("29C00001")).isEqualTo(DtoMapping.plate("29C00001"));
    }
}
