package lab.yujian.protocol.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A lab service's health, as reported with metrics. */
public enum ServiceHealth {
    /** Working normally. */
    @JsonProperty("healthy") HEALTHY,
    /** Degraded: slow or partly failing. */
    @JsonProperty("warning") WARNING,
    /** Down or failing. */
    @JsonProperty("critical") CRITICAL
}
