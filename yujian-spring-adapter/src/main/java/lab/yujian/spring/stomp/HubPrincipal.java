package lab.yujian.spring.stomp;

import java.security.Principal;
import lab.yujian.core.registry.Identity;

/**
 * The authenticated user of a STOMP session; its name (the user id) becomes the CONNECTED frame's
 * {@code user-name} header.
 *
 * @param identity who
 * @param clientId the session's client id
 */
public record HubPrincipal(Identity identity, String clientId) implements Principal {

    @Override
    public String getName() {
        return identity.userId();
    }
}
