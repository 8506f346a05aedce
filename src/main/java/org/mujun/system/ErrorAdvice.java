package org.mujun.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Bad input is answered with a clear message (SPEC §10, §11): RFC 9457 problem details on the
 * API, an error page for people. Messages of IllegalArgumentException are written for users
 * (bilingual); anything unexpected is logged and answered without internals.
 */
@ControllerAdvice
class ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

    @ExceptionHandler(IllegalArgumentException.class)
    Object badInput(IllegalArgumentException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage(), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    Object conflict(OptimisticLockingFailureException e, HttpServletRequest request) {
        return answer(HttpStatus.CONFLICT, "Conflict",
                "记录已被他人修改，请刷新后重试 / the record was changed by someone else; reload and try again", request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    Object integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.info("integrity violation on {}: {}", request.getRequestURI(), e.getMostSpecificCause().getMessage());
        return answer(HttpStatus.CONFLICT, "Conflict",
                "数据与已有记录冲突（重复或引用不存在） / the data conflicts with existing records (duplicate or missing reference)", request);
    }

    static Object answer(HttpStatus status, String title, String detail, HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(title);
            problem.setInstance(URI.create(request.getRequestURI()));
            return ResponseEntity.status(status).body(problem);
        }
        ModelAndView mav = new ModelAndView("error", status);
        mav.addObject("status", status.value());
        mav.addObject("detail", detail);
        return mav;
    }
}
