package org.mujun.target;

import java.util.Map;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Monthly snapshots: list, take one on demand, view a past one (pages and REST). */
@Controller
class TargetSnapshotController {

    private final TargetSnapshots snapshots;
    private final TargetBoard board;
    private final Jurisdiction jurisdiction;

    TargetSnapshotController(TargetSnapshots snapshots, TargetBoard board, Jurisdiction jurisdiction) {
        this.snapshots = snapshots;
        this.board = board;
        this.jurisdiction = jurisdiction;
    }

    @GetMapping("/targets/snapshots")
    @PreAuthorize(TargetWeb.READ)
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year, Model model) {
        Scope scope = jurisdiction.current();
        String r = board.region(scope, region);
        int y = year == null ? board.today().getYear() : year;
        model.addAttribute("region", r);
        model.addAttribute("regionName", board.name(r));
        model.addAttribute("year", y);
        model.addAttribute("snapshots", snapshots.list(scope, r, y));
        return "target/snapshots";
    }

    @PostMapping("/targets/snapshots")
    @PreAuthorize(TargetWeb.WRITE)
    String take(@RequestParam(required = false) String region, @RequestParam(required = false) String year, RedirectAttributes redirect) {
        Scope scope = jurisdiction.current();
        String r = board.region(scope, region);
        Integer y = null;
        try {
            y = TargetWeb.integer(year, "年度 / year");
            if (y == null) {
                throw new IllegalArgumentException("缺少年度 / the year is required");
            }
            TargetSnapshots.Snapshot s = snapshots.take(scope, r, snapshots.monthFor(y), TargetSnapshots.Kind.ON_DEMAND, TargetWeb.actor());
            return "redirect:/targets/snapshots/" + s.id();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (ResponseStatusException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getReason());
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/targets/snapshots").queryParam("region", r).queryParam("year", y == null ? "" : y)
                .encode().build().toUriString();
    }

    @GetMapping("/targets/snapshots/{id}")
    @PreAuthorize(TargetWeb.READ)
    String view(@PathVariable long id, Model model) {
        TargetSnapshots.Detail d = snapshots.detail(jurisdiction.current(), id);
        model.addAttribute("d", d);
        model.addAttribute("region", d.snapshot().regionCode());
        model.addAttribute("year", d.snapshot().year());
        model.addAttribute("indicators", TargetIndicator.values());
        return "target/snapshot";
    }

    // --- REST

    record TakeRequest(String region, Integer year) {
    }

    @GetMapping("/api/v1/targets/snapshots")
    @PreAuthorize(TargetWeb.READ)
    @ResponseBody
    Map<String, Object> apiList(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year) {
        Scope scope = jurisdiction.current();
        String r = board.region(scope, region);
        return Map.of("region", r, "items", snapshots.list(scope, r, year));
    }

    /** Takes this month's snapshot of the region (December for a past year); 409 when it exists. */
    @PostMapping("/api/v1/targets/snapshots")
    @PreAuthorize(TargetWeb.WRITE)
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    TargetSnapshots.Detail apiTake(@RequestBody(required = false) TakeRequest b) {
        b = TargetWeb.body(b);
        if (b.year() == null) {
            throw new IllegalArgumentException("缺少年度 / the year is required");
        }
        Scope scope = jurisdiction.current();
        String r = board.region(scope, b.region());
        TargetSnapshots.Snapshot s = snapshots.take(scope, r, snapshots.monthFor(b.year()), TargetSnapshots.Kind.ON_DEMAND, TargetWeb.actor());
        return snapshots.detail(scope, s.id());
    }

    @GetMapping("/api/v1/targets/snapshots/{id}")
    @PreAuthorize(TargetWeb.READ)
    @ResponseBody
    TargetSnapshots.Detail apiGet(@PathVariable long id) {
        return snapshots.detail(jurisdiction.current(), id);
    }
}
