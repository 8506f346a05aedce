package org.mujun.land;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.mujun.land.StandardLandContract.Indicator;
import org.mujun.land.StandardLandContract.Stage;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the 标准地 register (SPEC §7, §10). An illegal move or bad input is 400 with the
 * engine's bilingual message; a stale {@code version} is 409; a contract outside the caller's
 * jurisdiction is 404.
 */
@RestController
@RequestMapping("/api/v1/land/standard-contracts")
class StandardLandApiController {

    private final StandardLandContracts contracts;

    StandardLandApiController(StandardLandContracts contracts) {
        this.contracts = contracts;
    }

    record AmendRequest(Integer version, StandardLandContracts.TermsForm terms) {
    }

    record MoveRequest(StandardLandContracts.Move move, LocalDate date, Integer version, String reason) {
    }

    record ReviewRequest(Integer version, LocalDate reviewedOn, Integer dataYear, BigDecimal investmentWan, BigDecimal floorAreaRatio,
                         Map<Indicator, StandardLandActuals.Override> overrides) {
        StandardLandActuals.Input input() {
            return new StandardLandActuals.Input(reviewedOn, dataYear, investmentWan, floorAreaRatio, overrides);
        }
    }

    @GetMapping
    @PreAuthorize(LandWeb.READ)
    Map<String, Object> list(@RequestParam(required = false) String region, @RequestParam(required = false) Stage stage,
                             @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        int s = Math.max(1, Math.min(size, 1000));
        StandardLandContracts.Page p = contracts.list(region, stage, q, Math.max(0, page), s);
        return Map.of("items", p.items(), "page", p.page(), "size", p.size(), "total", p.total());
    }

    @GetMapping("/{id}")
    @PreAuthorize(LandWeb.READ)
    StandardLandContracts.Detail get(@PathVariable long id) {
        return contracts.find(id);
    }

    @PostMapping
    @PreAuthorize(LandWeb.WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    StandardLandContracts.Detail register(@RequestBody(required = false) StandardLandContracts.TermsForm body) {
        body = LandWeb.body(body);
        return contracts.find(contracts.register(body, LandWeb.actor()));
    }

    @PutMapping("/{id}")
    @PreAuthorize(LandWeb.WRITE)
    StandardLandContracts.Detail amend(@PathVariable long id, @RequestBody(required = false) AmendRequest body) {
        contracts.find(id); // 404 outside the jurisdiction, before the body is checked
        body = LandWeb.body(body);
        if (body.terms() == null) {
            throw new IllegalArgumentException("请求体需包含 terms / the body must contain terms");
        }
        contracts.amend(id, LandWeb.requireVersion(body.version()), body.terms(), LandWeb.actor());
        return contracts.find(id);
    }

    @PostMapping("/{id}/moves")
    @PreAuthorize(LandWeb.WRITE)
    StandardLandContracts.Detail move(@PathVariable long id, @RequestBody(required = false) MoveRequest body) {
        contracts.find(id); // 404 outside the jurisdiction, before the body is checked
        body = LandWeb.body(body);
        if (body.move() == null) {
            throw new IllegalArgumentException("缺少 move（START, COMPLETE, PRODUCE, RECTIFY, RECLAIM） / move is required");
        }
        return contracts.move(id, LandWeb.requireVersion(body.version()), body.move(), body.date(), body.reason(), LandWeb.actor());
    }

    @PostMapping("/{id}/review/preview")
    @PreAuthorize(LandWeb.WRITE)
    StandardLandActuals.Preview preview(@PathVariable long id, @RequestBody(required = false) ReviewRequest body) {
        contracts.find(id); // 404 outside the jurisdiction, before the body is checked
        body = LandWeb.body(body);
        return contracts.preview(id, body.input());
    }

    @PostMapping("/{id}/review")
    @PreAuthorize(LandWeb.WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    StandardLandActuals.Preview review(@PathVariable long id, @RequestBody(required = false) ReviewRequest body) {
        contracts.find(id); // 404 outside the jurisdiction, before the body is checked
        body = LandWeb.body(body);
        return contracts.record(id, LandWeb.requireVersion(body.version()), body.input(), LandWeb.actor());
    }
}
