package org.mujun.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.mujun.security.Jurisdiction;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of commitments and the credit record / 失信 list (SPEC §7, §10). */
@RestController
class CommitmentApiController {

    private final TrackedCommitments commitments;
    private final CreditRecords credit;
    private final Jurisdiction jurisdiction;

    CommitmentApiController(TrackedCommitments commitments, CreditRecords credit, Jurisdiction jurisdiction) {
        this.commitments = commitments;
        this.credit = credit;
        this.jurisdiction = jurisdiction;
    }

    record AsOfRequest(LocalDate asOf) {
    }

    record BenefitRequest(Integer version, BigDecimal amountWan, LocalDate receivedOn, String description) {
    }

    record ActualRequest(Integer version, BigDecimal value, String reason) {
    }

    @GetMapping("/api/v1/commitments")
    @PreAuthorize(ProjectWeb.READ)
    Map<String, Object> list(@RequestParam(required = false) String region, @RequestParam(required = false) String status,
                             @RequestParam(required = false) String source, @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        int s = Math.max(1, Math.min(size, 1000));
        TrackedCommitments.Page p = commitments.list(region, status, source, q, Math.max(0, page), s);
        return Map.of("items", p.items(), "page", p.page(), "size", p.size(), "total", p.total());
    }

    @PostMapping("/api/v1/commitments")
    @PreAuthorize(ProjectWeb.WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    TrackedCommitments.Detail create(@RequestBody(required = false) TrackedCommitments.Form body) {
        body = ProjectWeb.body(body);
        return commitments.find(commitments.create(body, ProjectWeb.actor()));
    }

    @GetMapping("/api/v1/commitments/{id}")
    @PreAuthorize(ProjectWeb.READ)
    TrackedCommitments.Detail get(@PathVariable long id) {
        return commitments.find(id);
    }

    /** Evaluates one commitment as of a date (default today); a first breach adds a 失信 entry with the clawback. */
    @PostMapping("/api/v1/commitments/{id}/evaluations")
    @PreAuthorize(ProjectWeb.WRITE)
    TrackedCommitments.Outcome evaluate(@PathVariable long id, @RequestBody(required = false) AsOfRequest body) {
        commitments.find(id); // 404 outside the jurisdiction, before the body is checked
        return commitments.evaluate(id, body == null || body.asOf() == null ? LocalDate.now(TrackedCommitments.ZONE) : body.asOf(), ProjectWeb.actor());
    }

    /** Evaluates every open commitment in the caller's jurisdiction (what the daily run does). */
    @PostMapping("/api/v1/commitments/evaluations")
    @PreAuthorize(ProjectWeb.WRITE)
    TrackedCommitments.RunSummary evaluateAll(@RequestBody(required = false) AsOfRequest body) {
        return commitments.evaluateAll(body == null || body.asOf() == null ? LocalDate.now(TrackedCommitments.ZONE) : body.asOf(), ProjectWeb.actor(),
                jurisdiction.current());
    }

    @PostMapping("/api/v1/commitments/{id}/benefits")
    @PreAuthorize(ProjectWeb.WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    TrackedCommitments.Detail benefit(@PathVariable long id, @RequestBody(required = false) BenefitRequest b) {
        commitments.find(id); // 404 outside the jurisdiction, before the body is checked
        b = ProjectWeb.body(b);
        commitments.addBenefit(id, ProjectWeb.requireVersion(b.version()), new TrackedCommitments.BenefitForm(b.amountWan(), b.receivedOn(), b.description()),
                ProjectWeb.actor());
        return commitments.find(id);
    }

    @PutMapping("/api/v1/commitments/{id}/conditions/{conditionId}/actual")
    @PreAuthorize(ProjectWeb.WRITE)
    TrackedCommitments.Detail actual(@PathVariable long id, @PathVariable long conditionId, @RequestBody(required = false) ActualRequest b) {
        commitments.find(id); // 404 outside the jurisdiction, before the body is checked
        b = ProjectWeb.body(b);
        commitments.reportActual(id, ProjectWeb.requireVersion(b.version()), conditionId, b.value(), b.reason(), ProjectWeb.actor());
        return commitments.find(id);
    }

    /** The credit record; {@code kind} BROKEN (the 失信 list, default), KEPT or ALL. */
    @GetMapping("/api/v1/credit")
    @PreAuthorize(ProjectWeb.READ)
    Map<String, Object> credit(@RequestParam(required = false) String region, @RequestParam(required = false) String kind,
                               @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        int s = Math.max(1, Math.min(size, 1000));
        CreditRecords.Page p = credit.list(region, kind, q, Math.max(0, page), s);
        return Map.of("items", p.items(), "page", p.page(), "size", p.size(), "total", p.total());
    }

    @GetMapping("/api/v1/credit/{id}")
    @PreAuthorize(ProjectWeb.READ)
    CreditRecords.Entry creditEntry(@PathVariable long id) {
        return credit.find(id);
    }
}
