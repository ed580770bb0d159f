package io.ragline.ingest;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Routes users write in the YAML DSL, feeding {@code direct:ingest} through the {@link RaglineHeaders}
 * contract: where they are loaded from, and the settings of the shipped example.
 *
 * @param routes Camel's include pattern for YAML routes ({@code RAGLINE_ROUTES} in the environment)
 * @param examples settings the example routes read through property placeholders
 */
@Validated
@ConfigurationProperties("ragline")
public record UserRoutesSettings(
        @NotNull @DefaultValue("file:routes/*.yaml") String routes,
        @Valid @DefaultValue Examples examples) {

    /** @param notesFolder routes/example-notes-folder.camel.yaml */
    public record Examples(@Valid @DefaultValue NotesFolder notesFolder) {
    }

    public record NotesFolder(
            @DefaultValue("false") boolean enabled,
            @NotNull @DefaultValue("data/notes") Path path,
            @NotNull @DefaultValue("notes") String clientId) {
    }
}
