package io.ragline.ingest.folder;

import java.io.File;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the inbox consumer out of folders that are links: their files live elsewhere, and moving one to
 * {@code .done/} would take it out of its own folder. Said once per folder in the log.
 */
class LinkedFoldersSkipped implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(LinkedFoldersSkipped.class);

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Override
    public boolean accept(GenericFile<File> file) {
        if (!file.isDirectory() || !Files.isSymbolicLink(file.getFile().toPath())) {
            return true;
        }
        if (reported.add(file.getAbsoluteFilePath())) {
            LOG.warn("Inbox folder {} is a link: its files are not read", file.getRelativeFilePath());
        }
        return false;
    }
}
