package vn.bordergate.workstation.printing;

import java.nio.file.Path;
import java.util.Optional;

/** Where to save a PDF: the officer's choice in a file dialog (tests give a fixed file). Called on the FX thread. */
@FunctionalInterface
public interface SaveTarget {
    /** The file to write, or empty when the officer cancelled. */
    Optional<Path> choose(String suggestedFileName);
}
