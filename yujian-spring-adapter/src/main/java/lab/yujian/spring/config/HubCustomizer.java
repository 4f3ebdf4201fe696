package lab.yujian.spring.config;

import lab.yujian.core.HubBuilder;

/**
 * Lets an application add to the hub before it is built: observers, snapshot providers, publish hooks.
 * Every bean of this type is applied, in order.
 */
@FunctionalInterface
public interface HubCustomizer {

    /** Adds to the builder; must not call {@link HubBuilder#build()}. */
    void customize(HubBuilder builder);
}
