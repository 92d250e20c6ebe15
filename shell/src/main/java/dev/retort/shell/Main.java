package dev.retort.shell;

/** Entry point of the {@code retort} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.err.println("retort: not built yet");
        System.exit(1);
    }
}
