package org.mujun.project;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the rosters (SPEC §7, §10). */
@RestController
@RequestMapping("/api/v1/rosters")
class RosterApiController {

    private final Rosters rosters;

    RosterApiController(Rosters rosters) {
        this.rosters = rosters;
    }

    record CreateRequest(String code, String name, String nameEn, String description) {
    }

    record MemberRequest(String uscc, Integer year, String reason) {
    }

    record YearRequest(Integer year) {
    }

    record RulesRequest(Integer version, List<Rosters.Rule> rules) {
    }

    @GetMapping
    @PreAuthorize(ProjectWeb.OFFICIALS)
    Map<String, Object> list() {
        List<Rosters.RosterRow> all = rosters.rosters();
        return Map.of("items", all, "page", 0, "size", all.size(), "total", all.size());
    }

    @PostMapping
    @PreAuthorize(ProjectWeb.WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    Rosters.RosterRow create(@RequestBody(required = false) CreateRequest b) {
        b = ProjectWeb.body(b);
        return rosters.roster(rosters.create(b.code(), b.name(), b.nameEn(), b.description(), ProjectWeb.actor()));
    }

    @GetMapping("/{id}")
    @PreAuthorize(ProjectWeb.OFFICIALS)
    Rosters.RosterRow get(@PathVariable long id) {
        return rosters.roster(id);
    }

    @GetMapping("/{id}/members")
    @PreAuthorize(ProjectWeb.OFFICIALS)
    Map<String, Object> members(@PathVariable long id, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "100") int size) {
        List<Rosters.Member> all = rosters.members(id, q);
        int s = Math.max(1, Math.min(size, 1000));
        int p = Math.max(0, page);
        return Map.of("items", all.stream().skip((long) p * s).limit(s).toList(), "page", p, "size", s, "total", all.size());
    }

    /** Who joined or left, which year and why. */
    @GetMapping("/{id}/history")
    @PreAuthorize(ProjectWeb.OFFICIALS)
    Map<String, Object> history(@PathVariable long id, @RequestParam(required = false) Integer year) {
        List<Rosters.Change> all = rosters.history(id, year);
        return Map.of("items", all, "page", 0, "size", all.size(), "total", all.size());
    }

    @PostMapping("/{id}/members")
    @PreAuthorize(ProjectWeb.WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    Rosters.RosterRow add(@PathVariable long id, @RequestBody(required = false) MemberRequest b) {
        b = ProjectWeb.body(b);
        rosters.add(id, b.uscc(), year(b.year()), b.reason(), ProjectWeb.actor());
        return rosters.roster(id);
    }

    @DeleteMapping("/{id}/members/{uscc}")
    @PreAuthorize(ProjectWeb.WRITE)
    Rosters.RosterRow remove(@PathVariable long id, @PathVariable String uscc, @RequestBody(required = false) MemberRequest b) {
        b = ProjectWeb.body(b);
        rosters.remove(id, uscc, year(b.year()), b.reason(), ProjectWeb.actor());
        return rosters.roster(id);
    }

    @PostMapping("/{id}/refresh")
    @PreAuthorize(ProjectWeb.WRITE)
    Rosters.RefreshResult refresh(@PathVariable long id, @RequestBody(required = false) YearRequest b) {
        b = ProjectWeb.body(b);
        return rosters.refresh(id, year(b.year()), ProjectWeb.actor());
    }

    @PutMapping("/{id}/rules")
    @PreAuthorize(ProjectWeb.WRITE)
    Rosters.RosterRow rules(@PathVariable long id, @RequestBody(required = false) RulesRequest b) {
        b = ProjectWeb.body(b);
        rosters.saveRules(id, ProjectWeb.requireVersion(b.version()), b.rules() == null ? List.of() : b.rules(), ProjectWeb.actor());
        return rosters.roster(id);
    }

    private static int year(Integer y) {
        if (y == null) {
            throw new IllegalArgumentException("缺少年度 year / the year is required");
        }
        return RosterController.requiredYear(y.toString());
    }
}
