package io.ragline.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

class ReadinessGateTest {

    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    private final ReadinessGate gate = new ReadinessGate(availability, new ObjectMapper());

    @Test
    void beforeTheApplicationIsReadyARequestGetsA503WithRetryAfter() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("POST", "/api/query"), response, chain);
        assertThat(chain.getRequest()).as("passed on").isNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(new ObjectMapper().readTree(response.getContentAsString()).get("error").asText()).contains("try again");
    }

    @Test
    void onceReadyRequestsPassAndOnShutdownTheyAreRefusedAgain() throws Exception {
        StaticApplicationContext context = new StaticApplicationContext();
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(context, ReadinessState.ACCEPTING_TRAFFIC));
        MockFilterChain chain = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("POST", "/api/query"), new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).as("passed on").isNotNull();

        availability.onApplicationEvent(new AvailabilityChangeEvent<>(context, ReadinessState.REFUSING_TRAFFIC));
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("GET", "/health"), response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(503);
    }
}
