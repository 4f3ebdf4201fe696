package lab.yujian.app.devices;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import lab.yujian.protocol.ErrorCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /api/devices/**}: the request must carry a known, unrevoked {@code X-API-Key}. The
 * device is then available as the request attribute {@link #DEVICE}.
 */
@Component
public class DeviceKeyFilter extends OncePerRequestFilter {

    /** The request attribute holding the authenticated {@link Device}. */
    public static final String DEVICE = "yujian.device";

    private final DeviceRepository devices;
    private final Clock clock;

    public DeviceKeyFilter(DeviceRepository devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/devices/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader("X-API-Key");
        Optional<Device> device = key == null || key.isBlank() ? Optional.empty() : devices.findByKey(key.trim());
        if (device.isEmpty()) {
            response.setStatus(401);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"code\":\"" + ErrorCode.AUTHENTICATION_FAILED.name()
                    + "\",\"message\":\"Send a valid device key in the X-API-Key header\",\"details\":{}}");
            return;
        }
        devices.touch(device.get().id(), clock.instant());
        request.setAttribute(DEVICE, device.get());
        chain.doFilter(request, response);
    }
}
