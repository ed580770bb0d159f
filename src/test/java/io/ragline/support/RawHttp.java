package io.ragline.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 over a plain socket, for requests no client library sends: a body that trickles, a bad header. */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;

    public RawHttp(int port) {
        try {
            this.socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RawHttp send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    public RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Everything the server sends until it closes the connection or stays silent for {@code quietMillis}. */
    public String readUntilClosedOrQuiet(int quietMillis) throws IOException {
        socket.setSoTimeout(quietMillis);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            return out.toString(StandardCharsets.UTF_8) + QUIET;
        } catch (IOException e) {
            // reset by the server: what came before is the answer
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Appended by {@link #readUntilClosedOrQuiet} when the server kept the connection open. */
    public static final String QUIET = "\n<still open>";

    /** Whether the server has closed (or reset) the connection. */
    public boolean closedByServer() {
        try {
            socket.setSoTimeout(1);
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test's socket
        }
    }
}
