package dev.mvlab.cli;

/** How the user started mvlab, for hints that must work as printed: {@code ./mvlab} from a clone, else {@code mvlab}. */
final class Launcher {
    private Launcher() {
    }

    /** The {@code ./mvlab} launcher exports MVLAB_COMMAND as it was called. */
    static String command() {
        String command = System.getenv("MVLAB_COMMAND");
        return command == null || command.isBlank() ? "mvlab" : command;
    }
}
