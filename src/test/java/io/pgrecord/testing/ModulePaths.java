package io.pgrecord.testing;

import io.pgrecord.ActiveRecord;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the module io.pgrecord and its runtime dependencies are, to lay out a module path in a test. */
public final class ModulePaths {

    private ModulePaths() {
    }

    /** pgrecord's compiled classes (target/classes), module-info.class included. */
    public static Path pgrecordClasses() {
        try {
            return Path.of(ActiveRecord.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * pgrecord's runtime dependencies as the build resolves them (maven-dependency-plugin
     * build-classpath writes them to the file named by system property pgrecord.runtime.classpath).
     */
    public static List<Path> runtimeDependencies() {
        String file = System.getProperty("pgrecord.runtime.classpath");
        if (file == null) {
            throw new IllegalStateException("system property pgrecord.runtime.classpath is not set: run the tests through Maven");
        }
        try {
            String classpath = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            return Stream.of(classpath.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * pgrecord's classes and the runtime dependencies an application gets without asking: the
     * optional Micrometer left out, as it is from an application that adds no registry.
     */
    public static List<Path> pgrecordWithoutMicrometer() {
        return pgrecordWithDependencies().stream()
                .filter(p -> !p.getFileName().toString().startsWith("micrometer-")).toList();
    }

    /** pgrecord's classes followed by its runtime dependencies. */
    public static List<Path> pgrecordWithDependencies() {
        List<Path> all = new ArrayList<>();
        all.add(pgrecordClasses());
        all.addAll(runtimeDependencies());
        return all;
    }
}
