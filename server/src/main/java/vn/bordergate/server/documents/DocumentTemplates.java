package vn.bordergate.server.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * JRXML templates from the classpath, compiled once each: compiling costs a second or more (it runs
 * the JDK's compiler), and a compiled {@link JasperReport} is immutable, so every fill of any thread
 * shares it. The cache is per JVM, not per instance: the same classpath resource always compiles to
 * the same report, and a JVM running several gate servers (tests) need not compile it again for each.
 */
public final class DocumentTemplates {
    private static final ConcurrentMap<String, JasperReport> COMPILED = new ConcurrentHashMap<>();

    /** The compiled template at a classpath resource path such as {@code documents/crossing-slip.jrxml}. */
    public JasperReport get(String resource) {
        return COMPILED.computeIfAbsent(resource, DocumentTemplates::compile);
    }

    /** Compiles templates ahead of their first use (at server start), so the first print is not the slow one. */
    public void prepare(String... resources) {
        for (String resource : resources) {
            get(resource);
        }
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
