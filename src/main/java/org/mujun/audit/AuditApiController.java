package org.mujun.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log over REST (SPEC §10), read-only. Pages by keyset, not by page number: pass the
 * response's {@code next} as {@code before} to get the older entries.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

    private final AuditLog log;

    AuditApiController(AuditLog log) {
        this.log = log;
    }

    /**
     * Entries newest first. {@code actor}, {@code action} exact; {@code target} a substring;
     * {@code from}/{@code to} dates (inclusive) or ISO date-times; {@code before}/{@code after} ids.
     */
    @GetMapping
    @PreAuthorize(AuditController.READERS)
    Map<String, Object> list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                             @RequestParam(required = false) String target, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(required = false) Long before,
                             @RequestParam(required = false) Long after, @RequestParam(defaultValue = "50") int size) {
        int s = Math.max(1, Math.min(size, 1000));
        boolean upward = before == null && after != null;
        List<AuditLog.Entry> entries = log.search(AuditController.filter(actor, action, target, from, to), before, after, s + 1);
        boolean more = entries.size() > s;
        if (more) {
            entries = upward ? entries.subList(1, entries.size()) : entries.subList(0, s);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", entries);
        body.put("size", s);
        // Keyset cursors: "next" for older entries (pass as before), "prev" for newer ones (pass as after).
        body.put("next", !entries.isEmpty() && (upward || more) ? entries.get(entries.size() - 1).id() : null);
        body.put("prev", !entries.isEmpty() && ((upward && more) || before != null) ? entries.get(0).id() : null);
        return body;
    }

    /** Recomputes the whole hash chain: {@code intact}, {@code entries} checked, {@code firstBrokenId}. */
    @GetMapping("/verify")
    @PreAuthorize(AuditController.READERS)
    AuditLog.Verification verify() {
        return log.verify();
    }
}
