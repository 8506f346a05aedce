package org.mujun.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Versioned URLs for static resources only. Boot's {@link ResourceUrlEncodingFilter} (on because of
 * the WebJars locator) passes every link a template writes ({@code @{/enterprises/42}}) to the
 * resource resolvers, which look each one up on the classpath before giving up; with 50 links on a
 * list page that was most of the page's time (SPEC §11: list and dossier pages p95 &lt; 100 ms).
 * This replacement resolves only links under the static prefixes and leaves the rest alone.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceUrls {

    static final List<String> PREFIXES = List.of("/webjars/", "/css/", "/js/", "/img/");

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> staticResourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new StaticOnly());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    static class StaticOnly extends ResourceUrlEncodingFilter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse res)) {
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(req, new HttpServletResponseWrapper(res) {
                @Override
                public String encodeURL(String url) {
                    return super.encodeURL(resolve(req, url));
                }
            });
        }

        static String resolve(HttpServletRequest request, String url) {
            String context = request.getContextPath();
            String path = !context.isEmpty() && url.startsWith(context) ? url.substring(context.length()) : url;
            if (PREFIXES.stream().noneMatch(path::startsWith)
                    || !(request.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR) instanceof ResourceUrlProvider provider)) {
                return url;
            }
            String resolved = provider.getForRequestUrl(request, url);
            return resolved != null ? resolved : url;
        }
    }
}
