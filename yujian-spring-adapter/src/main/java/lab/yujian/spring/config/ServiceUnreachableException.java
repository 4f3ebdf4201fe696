package lab.yujian.spring.config;

/**
 * A service a node needs at startup (Redis, RabbitMQ) did not answer. Its message is the one line an
 * operator needs: which service, at which address, and why; {@link ServiceUnreachableFailureAnalyzer}
 * prints it instead of the stack trace.
 */
public class ServiceUnreachableException extends RuntimeException {

    private final String service;
    private final String address;

    public ServiceUnreachableException(String service, String address, String reason, Throwable cause) {
        super(service + " at " + address + " is not reachable: " + reason, cause);
        this.service = service;
        this.address = address;
    }

    /** The service, such as "Redis". */
    public String service() {
        return service;
    }

    /** Where it was looked for. */
    public String address() {
        return address;
    }
}
