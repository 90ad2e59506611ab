package vn.bordergate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.junit.jupiter.api.Test;
import vn.bordergate.server.support.TestGate;

/**
 * The routes answered in front of Jersey are mapped in the real gate server, behind the size limit and header checks.
 * Their own tests run them in a Jetty of their own, and both routes answer exactly as Jersey does, so without this
 * check a lost mapping would only show as a slower server.
 */
class GateJettyRoutesTest {
    @Test
    void cameraReadsAndDeclarationsAreTakenInFrontOfJerseyAfterTheRequestChecks() {
        ServletContextHandler context = TestGate.shared().server().jetty().getDescendant(ServletContextHandler.class);
        List<FilterMapping> mappings = Arrays.asList(context.getServletHandler().getFilterMappings());
        List<String> filters = mappings.stream()
                .map(m -> context.getServletHandler()
                                .getFilter(m.getFilterName())
                                .getHeldClass()
                                .getSimpleName()
                        + " " + String.join(",", m.getPathSpecs()))
                .toList();

        assertThat(filters)
                .containsSubsequence(
                        "RequestSizeLimit /*",
                        "HeaderSyntaxFilter /*",
                        "PlateReadPosts /api/plate-reads",
                        "DeclarationPosts /api/declarations");
    }
}
