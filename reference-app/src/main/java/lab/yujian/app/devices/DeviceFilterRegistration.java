package lab.yujian.app.devices;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps the device filter out of the servlet chain: it runs inside the security chain only. */
@Configuration
class DeviceFilterRegistration {

    @Bean
    FilterRegistrationBean<DeviceKeyFilter> deviceKeyFilterRegistration(DeviceKeyFilter filter) {
        FilterRegistrationBean<DeviceKeyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
