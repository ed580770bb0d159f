package io.ragline.ingest.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;

/**
 * Who may connect to the embedded broker once its TCP acceptor is on, and what they may do: Ragline
 * itself, in the same JVM, without credentials, anything; the network user, with the configured user and
 * password (compared in constant time), only send to the ingest queue: it can neither read nor consume
 * a message (another client's dead letter, a document meant for the index), nor manage the broker.
 * Written here because Artemis's own managers need a JAAS configuration file, and none tells an in-VM
 * connection from a network one.
 */
public class EmbeddedBrokerAccess implements ActiveMQSecurityManager5 {

    private static final String RAGLINE = "ragline";
    /** The network user's principal: never the in-VM one, whatever user name is configured. */
    private static final String NETWORK_USER = "network-publisher";

    private final byte[] user;
    private final byte[] password;
    private final String ingestQueue;

    public EmbeddedBrokerAccess(String user, String password, String ingestQueue) {
        this.user = user.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.ingestQueue = ingestQueue;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        boolean inVm = connection != null && connection.getTransportConnection() instanceof InVMConnection;
        if (inVm || validateUser(user, password)) {
            Subject subject = new Subject();
            subject.getPrincipals().add(new UserPrincipal(inVm ? RAGLINE : NETWORK_USER));
            return subject;
        }
        return null;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (subject == null) {
            return false;
        }
        if (subject.getPrincipals(UserPrincipal.class).stream().anyMatch(principal -> RAGLINE.equals(principal.getName()))) {
            return true;
        }
        // Artemis may name the address alone or as address::queue
        String target = address == null ? "" : address.split("::", 2)[0];
        return checkType == CheckType.SEND && ingestQueue.equals(target);
    }

    @Override
    public boolean validateUser(String user, String password) {
        boolean userMatches = MessageDigest.isEqual(this.user, bytes(user));
        boolean passwordMatches = MessageDigest.isEqual(this.password, bytes(password));
        return user != null && password != null && userMatches && passwordMatches;
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return validateUser(user, password);
    }
}
