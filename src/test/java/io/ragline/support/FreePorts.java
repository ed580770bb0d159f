package io.ragline.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback port nothing listens on right now, for a server a test starts later. Taken below the
 * kernel's ephemeral range (32768 and up on Linux): a port the kernel handed out would be free to go to
 * any outgoing connection made before the server binds it, and the server would then fail to start.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int BELOW_EPHEMERAL = 32_768;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                HANDED_OUT.add(port);
                return port;
            } catch (IOException taken) {
                // another server has it: try another
            }
        }
        throw new IllegalStateException("no free loopback port between " + LOWEST + " and " + BELOW_EPHEMERAL);
    }
}
