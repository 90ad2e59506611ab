package vn.bordergate.workstation;

import java.util.List;
import javafx.application.Application;

/**
 * The jar's main class. It does not extend {@link Application}: started that way from the class path,
 * the JDK's launcher refuses a JavaFX application ("JavaFX runtime components are missing").
 */
public final class WorkstationLauncher {
    private WorkstationLauncher() {}

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(WorkstationOptions.USAGE);
            return;
        }
        try {
            WorkstationOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println("bordergate-workstation: " + e.getMessage());
            System.err.println(WorkstationOptions.USAGE);
            System.exit(2);
        }
        Application.launch(WorkstationApp.class, args);
    }
}
