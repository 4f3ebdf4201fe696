/**
 * Spring Boot auto-configuration of the hub and its STOMP endpoint, and the {@code yujian.*} properties
 * that map onto the core's configuration in one place ({@link lab.yujian.spring.config.YujianProperties#toHubConfig()}).
 * Every bean backs off when the application defines its own.
 */
package lab.yujian.spring.config;
