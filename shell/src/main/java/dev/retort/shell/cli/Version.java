package dev.retort.shell.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code retort --version}. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"retort " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
}
