package vn.bordergate.server.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * JRXML templates from the classpath, compiled once each: compiling costs about a second, and a
 * compiled {@link JasperReport} is immutable, so every fill of any thread shares it.
 */
public final class DocumentTemplates {
    private final ConcurrentMap<String, JasperReport> compiled = new ConcurrentHashMap<>();

    /** The compiled template at a classpath resource path such as {@code documents/crossing-slip.jrxml}. */
    public JasperReport get(String resource) {
        return compiled.computeIfAbsent(resource, DocumentTemplates::compile);
    }

    private static JasperReport compile(String resource) {
        try (InputStream in = DocumentTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new DocumentException("no document template " + resource + " on the classpath");
            }
            return JasperCompileManager.compileReport(in);
        } catch (IOException | JRException e) {
            throw new DocumentException("document template " + resource + " does not compile: " + e.getMessage(), e);
        }
    }
}
