package org.mujun.evaluation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.attachment.Attachments;
import org.mujun.evaluation.Objections.Filter;
import org.mujun.evaluation.Objections.Objection;
import org.mujun.evaluation.Publications.Publication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** REST API of 公示, 定稿 and 异议 (SPEC §5 "Publish", §10). */
@RestController
@RequestMapping("/api/v1/evaluation")
class PublicationApiController {

    private final Publications publications;
    private final Objections objections;

    PublicationApiController(Publications publications, Objections objections) {
        this.publications = publications;
        this.objections = objections;
    }

    record PublicizeRequest(LocalDate deadline) {
    }

    record DecisionRequest(ObjectionStatus decision, String note) {
    }

    /** The official runs the user may see with their publication facts (history), newest first. */
    @GetMapping("/publications")
    @PreAuthorize(PublicationController.BUSINESS)
    Map<String, Object> history(@RequestParam(required = false) String region, @RequestParam(required = false) String year,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        List<Publication> all = publications.history(PublicationController.region(region), PublicationController.year(year));
        int s = Math.max(1, Math.min(size, 500));
        int p = Math.max(0, page);
        return PublicationController.page(new EvaluationRuns.Page<>(all.stream().skip((long) p * s).limit(s).toList(), p, s, all.size()));
    }

    /** What was published for region (exactly) and year on a date: the run and the state it was in then; 404 when nothing was. */
    @GetMapping("/publications/on")
    @PreAuthorize(PublicationController.BUSINESS)
    Map<String, Object> publishedOn(@RequestParam String region, @RequestParam String year, @RequestParam String date) {
        String r = PublicationController.region(region);
        Integer y = PublicationController.year(year);
        LocalDate d = PublicationController.date(date, "日期");
        if (r == null || y == null || d == null) {
            throw new IllegalArgumentException("须给出 region、year 和 date / region, year and date are required");
        }
        Publication p = publications.publishedOn(r, y, d).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "该日期没有已公示的评价 / nothing was published for " + r + " " + y + " on " + d));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", d);
        m.put("statusOnDate", p.statusOn(d));
        m.put("publication", p);
        return m;
    }

    @GetMapping("/runs/{id}/publication")
    @PreAuthorize(PublicationController.BUSINESS)
    Publication publication(@PathVariable long id) {
        return publications.get(id);
    }

    @PostMapping("/runs/{id}/publicize")
    @PreAuthorize(PublicationController.ADMINS)
    Publication publicize(@PathVariable long id, @RequestBody(required = false) PublicizeRequest body) {
        if (body == null || body.deadline() == null) {
            publications.get(id); // 404 first
            throw new IllegalArgumentException("请求体须包含 deadline（异议截止日期，yyyy-mm-dd）/ the body must contain deadline (yyyy-mm-dd)");
        }
        return publications.publicize(id, body.deadline(), PublicationController.actor());
    }

    @PostMapping("/runs/{id}/finalize")
    @PreAuthorize(PublicationController.ADMINS)
    Publication finalizeRun(@PathVariable long id) {
        return publications.finalizeRun(id, PublicationController.actor());
    }

    @GetMapping("/objections")
    @PreAuthorize(PublicationController.BUSINESS)
    Map<String, Object> objections(@RequestParam(required = false) Long run, @RequestParam(required = false) ObjectionStatus status,
                                   @RequestParam(required = false) String region, @RequestParam(required = false) String uscc,
                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return PublicationController.page(objections.list(new Filter(run, status, region, uscc), page, size));
    }

    /** Files the signed-in enterprise's objection: multipart {@code body} (text) and {@code files} (evidence). */
    @PostMapping("/runs/{id}/objections")
    @PreAuthorize(PublicationController.ENTERPRISE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> file(@PathVariable long id, @RequestParam(required = false) String body,
                             @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        Objection o = objections.file(id, body, files, PublicationController.actor());
        return objection(o.id());
    }

    @GetMapping("/objections/{id}")
    @PreAuthorize(PublicationController.BUSINESS)
    Map<String, Object> objection(@PathVariable long id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objection", objections.get(id));
        m.put("attachments", objections.attachments(id));
        return m;
    }

    /** Accepts or rejects an open objection: {@code {"decision": "ACCEPTED" | "REJECTED", "note": "…"}} (a rejection needs the note). */
    @PostMapping("/objections/{id}/decision")
    @PreAuthorize(PublicationController.ADMINS)
    Map<String, Object> decide(@PathVariable long id, @RequestBody(required = false) DecisionRequest body) {
        objections.get(id);
        if (body == null || body.decision() == null || body.decision() == ObjectionStatus.OPEN) {
            throw new IllegalArgumentException("请求体须包含 decision：ACCEPTED 或 REJECTED / the body must contain decision: ACCEPTED or REJECTED");
        }
        if (body.decision() == ObjectionStatus.ACCEPTED) {
            objections.accept(id, body.note(), PublicationController.actor());
        } else {
            objections.reject(id, body.note(), PublicationController.actor());
        }
        return objection(id);
    }

    @GetMapping("/objections/{id}/attachments/{attachmentId}")
    @PreAuthorize(PublicationController.BUSINESS)
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        return Attachments.response(objections.attachment(id, attachmentId));
    }
}
