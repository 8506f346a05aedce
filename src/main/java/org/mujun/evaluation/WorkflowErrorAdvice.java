package org.mujun.evaluation;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A move the workflow state does not allow is a conflict with the current state (409), not bad input:
 * a problem detail on the API, the error page otherwise. Ordered before the general advice, which
 * answers other IllegalArgumentExceptions with 400.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkflowErrorAdvice {

    @ExceptionHandler(IllegalTransitionException.class)
    Object conflict(IllegalTransitionException e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
            problem.setTitle("Conflict");
            problem.setInstance(URI.create(request.getRequestURI()));
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        ModelAndView mav = new ModelAndView("error", HttpStatus.CONFLICT);
        mav.addObject("status", HttpStatus.CONFLICT.value());
        mav.addObject("detail", e.getMessage());
        return mav;
    }
}
