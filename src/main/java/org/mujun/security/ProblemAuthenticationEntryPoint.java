package org.mujun.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** RFC 9457 problem details for API callers that are not signed in. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        write(response, 401, "Unauthorized", "需要登录或有效的 API 令牌 / sign in or send a valid API token (Authorization: Bearer …)", request);
    }

    static void write(HttpServletResponse response, int status, String title, String detail, HttpServletRequest request) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\"", "'") + "\",\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
    }
}

/** 403 as problem details on the API. */
class ProblemAccessDeniedHandler implements org.springframework.security.web.access.AccessDeniedHandler {
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        ProblemAuthenticationEntryPoint.write(response, 403, "Forbidden", "无权访问 / your role may not do this", request);
    }
}
