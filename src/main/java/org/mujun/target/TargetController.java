package org.mujun.target;

import java.util.ArrayList;
import java.util.List;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The targets page (目标管理): actual against target for a region and its children, decomposition checks, setting targets. */
@Controller
class TargetController {

    private final Targets targets;
    private final TargetBoard board;
    private final Jurisdiction jurisdiction;

    TargetController(Targets targets, TargetBoard board, Jurisdiction jurisdiction) {
        this.targets = targets;
        this.board = board;
        this.jurisdiction = jurisdiction;
    }

    @GetMapping("/targets")
    @PreAuthorize(TargetWeb.READ)
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year, Model model) {
        Scope scope = jurisdiction.current();
        int y = year == null ? board.today().getYear() : year;
        TargetBoard.Overview o = board.overview(scope, region, y);
        model.addAttribute("o", o);
        model.addAttribute("region", o.region().region());
        model.addAttribute("year", y);
        model.addAttribute("indicators", TargetIndicator.values());
        String parent = board.parent(o.region().region());
        model.addAttribute("parent", parent != null && scope.coversRegion(parent) ? parent : null);
        List<String[]> settable = new ArrayList<>();
        settable.add(new String[]{o.region().region(), o.region().name()});
        o.children().forEach(c -> settable.add(new String[]{c.region(), c.name()}));
        model.addAttribute("settable", settable);
        return "target/targets";
    }

    @PostMapping("/targets")
    @PreAuthorize(TargetWeb.WRITE)
    String set(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String indicator,
               @RequestParam(required = false) String year, @RequestParam(required = false) String value,
               @RequestParam(required = false) String note, @RequestParam(required = false) String version,
               @RequestParam(required = false) String back, RedirectAttributes redirect) {
        Scope scope = jurisdiction.current();
        String backRegion = back == null || back.isBlank() ? regionCode : back;
        Integer y = null;
        try {
            y = TargetWeb.integer(year, "年度 / year");
            if (y == null) {
                throw new IllegalArgumentException("缺少年度 / the year is required");
            }
            TargetIndicator i = TargetIndicator.parse(indicator);
            Targets.Target t = targets.set(scope, regionCode, i, y, TargetWeb.number(value, "目标值 / value"), blank(note), TargetWeb.actor(),
                    TargetWeb.integer(version, "version"));
            List<String> notes = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            Decomposition.Result below = board.check(scope, t.regionCode(), i, t.year());
            String parent = board.parent(t.regionCode());
            Decomposition.Result above = parent != null && scope.coversRegion(parent) ? board.check(scope, parent, i, t.year()) : null;
            for (Decomposition.Result r : new Decomposition.Result[]{above, below}) {
                if (r != null && i.additive() && r.status() != Decomposition.Status.NOT_SET) {
                    (r.status() == Decomposition.Status.MATCHES ? notes : warnings).add(r.message());
                }
            }
            notes.add(0, "已保存 / saved: " + board.name(t.regionCode()) + " " + i.nameZh() + " " + t.year() + " = "
                    + t.value().stripTrailingZeros().toPlainString() + " " + i.unit());
            redirect.addFlashAttribute("notes", notes);
            redirect.addFlashAttribute("warnings", warnings);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("error", "目标已被他人修改或已存在，请刷新后在列表中修改 / the target was changed by someone else or already exists: "
                    + "reload and edit it in the list");
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/targets").queryParam("region", backRegion == null ? "" : backRegion)
                .queryParam("year", y == null ? "" : y).encode().build().toUriString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
