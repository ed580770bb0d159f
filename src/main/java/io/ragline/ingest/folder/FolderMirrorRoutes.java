package io.ragline.ingest.folder;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * In mirror mode, sweeps the index for documents whose file left the inbox: at start-up (catching up
 * with deletions made while the app was down), then every {@code sweep-interval}.
 */
@Component
public class FolderMirrorRoutes extends RouteBuilder {

    private final FolderSettings folder;
    private final FolderMirror mirror;

    public FolderMirrorRoutes(FolderSettings folder, FolderMirror mirror) {
        this.folder = folder;
        this.mirror = mirror;
    }

    @Override
    public void configure() {
        fromF("timer:folder-mirror-sweep?delay=0&period=%d", folder.sweepInterval().toMillis())
                .routeId("folder-mirror-sweep").routeConfigurationId(FolderErrorPolicy.SWEEP)
                .autoStartup(folder.enabled() && folder.mirror())
                .bean(mirror, "removeDeleted").id("remove-deleted")
                .filter(body().isGreaterThan(0))
                    .log("Mirror sweep removed ${body} documents whose files are gone")
                .end();
    }
}
