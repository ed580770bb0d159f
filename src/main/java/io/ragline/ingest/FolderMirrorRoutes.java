package io.ragline.ingest;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.config.RaglineProperties;
import io.ragline.config.RaglineProperties.FolderMode;
import io.ragline.resilience.ErrorPolicy;

/**
 * In mirror mode, sweeps the index for documents whose file left the inbox: at start-up (catching up
 * with deletions made while the app was down), then every {@code sweep-interval}.
 */
@Component
public class FolderMirrorRoutes extends RouteBuilder {

    private final RaglineProperties.Folder folder;
    private final FolderMirror mirror;

    public FolderMirrorRoutes(RaglineProperties properties, FolderMirror mirror) {
        this.folder = properties.getIngest().getFolder();
        this.mirror = mirror;
    }

    @Override
    public void configure() {
        fromF("timer:folder-mirror-sweep?delay=0&period=%d", folder.getSweepInterval().toMillis())
                .routeId("folder-mirror-sweep").routeConfigurationId(ErrorPolicy.SWEEP)
                .autoStartup(folder.isEnabled() && folder.getMode() == FolderMode.MIRROR)
                .bean(mirror, "removeDeleted").id("remove-deleted")
                .filter(body().isGreaterThan(0))
                    .log("Mirror sweep removed ${body} documents whose files are gone")
                .end();
    }
}
