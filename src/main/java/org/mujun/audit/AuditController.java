package org.mujun.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.mujun.common.ExcelExport;
import org.mujun.common.NavLink;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit-log page (SPEC §1: the auditor reads the audit log; nobody changes it): newest first,
 * filters, keyset pages, Excel export and verification of the hash chain. Read-only: there is no
 * endpoint that changes an entry.
 */
@Controller
class AuditController {

    /** SPEC §1, 三员分立: the auditor and the security admin read the log; business admins do not. */
    static final String READERS = "hasAnyRole('AUDITOR','SECURITY_ADMIN')";
    static final int PAGE_SIZE = 50;
    /** One sheet holds at most 1,048,576 rows, the header included. */
    static final int EXPORT_MAX_ROWS = 1_048_575;

    private final AuditLog log;
    private final MessageSource messages;

    AuditController(AuditLog log, MessageSource messages) {
        this.log = log;
        this.messages = messages;
    }

    /** Menu entry: the auditor and the security admin. */
    @Bean
    static NavLink auditNavLink() {
        return new NavLink(910, "nav.audit", "/audit", Set.of("AUDITOR", "SECURITY_ADMIN"));
    }

    @GetMapping("/audit")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String target, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) Long before,
                @RequestParam(required = false) Long after, Model model) {
        AuditLog.Filter filter = filter(actor, action, target, from, to);
        List<AuditLog.Entry> entries = log.search(filter, before, after, PAGE_SIZE + 1);
        // One row more than shown tells whether a further page exists in the direction of travel.
        boolean more = entries.size() > PAGE_SIZE;
        boolean upward = before == null && after != null;
        if (more) {
            entries = upward ? entries.subList(1, entries.size()) : entries.subList(0, PAGE_SIZE);
        }
        model.addAttribute("entries", entries);
        model.addAttribute("older", !entries.isEmpty() && (upward || more) ? entries.get(entries.size() - 1).id() : null);
        model.addAttribute("newer", !entries.isEmpty() && ((upward && more) || before != null) ? entries.get(0).id() : null);
        model.addAttribute("actor", actor == null ? "" : actor);
        model.addAttribute("action", action == null ? "" : action);
        model.addAttribute("target", target == null ? "" : target);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("actions", log.actions());
        return "audit/list";
    }

    @GetMapping("/audit/export")
    @PreAuthorize(READERS)
    void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String target, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        AuditLog.Filter filter = filter(actor, action, target, from, to);
        // Exporting the log is itself recorded (who took a copy of what), before the copy is made.
        log.append(currentActor(), "AUDIT_EXPORTED", "audit_log", describe(filter));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String file = "audit-" + LocalDate.now() + ".xlsx";
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(file, StandardCharsets.UTF_8));
        List<String> headers = List.of(msg("audit.col.id"), msg("audit.col.at"), msg("audit.col.actor"), msg("audit.col.action"),
                msg("audit.col.target"), msg("audit.col.detail"), msg("audit.col.hash"));
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneId.systemDefault());
        Iterable<List<?>> rows = () -> new Iterator<>() {
            private final Iterator<AuditLog.Entry> entries = log.all(filter).iterator();
            private int written;

            @Override
            public boolean hasNext() {
                return written < EXPORT_MAX_ROWS && entries.hasNext();
            }

            @Override
            public List<?> next() {
                AuditLog.Entry e = entries.next();
                written++;
                List<Object> row = new ArrayList<>();
                row.add(e.id());
                row.add(time.format(e.at()));
                row.add(e.actor());
                row.add(e.action());
                row.add(e.target());
                row.add(e.detail());
                row.add(e.hash());
                return row;
            }
        };
        ExcelExport.write(response.getOutputStream(), "audit", headers, rows);
    }

    @GetMapping("/audit/verify")
    @PreAuthorize(READERS)
    String verify(Model model) {
        model.addAttribute("result", log.verify());
        return "audit/verify";
    }

    /**
     * Filters from request parameters. Dates are {@code yyyy-MM-dd} (whole days in the server's zone,
     * both inclusive) or ISO date-times ({@code 2026-11-22T08:00:00+08:00}, {@code …Z}).
     */
    static AuditLog.Filter filter(String actor, String action, String target, String from, String to) {
        var start = instant(from, false, "from");
        var end = instant(to, true, "to");
        if (start != null && end != null && !start.isBefore(end)) {
            throw new IllegalArgumentException("截止日期早于起始日期 / the end of the date range is before its start");
        }
        return new AuditLog.Filter(actor, action, target, start, end);
    }

    private static Instant instant(String s, boolean endOfRange, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.trim();
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfRange ? d.plusDays(1) : d).atStartOfDay(ZoneId.systemDefault()).toInstant();
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(v).atZone(ZoneId.systemDefault()).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("日期格式应为 yyyy-MM-dd 或 ISO 日期时间 / " + what
                    + " must be yyyy-MM-dd or an ISO date-time: '" + v + "'");
        }
    }

    static String describe(AuditLog.Filter f) {
        List<String> parts = new ArrayList<>();
        if (f.actor() != null) parts.add("actor=" + f.actor());
        if (f.action() != null) parts.add("action=" + f.action());
        if (f.target() != null) parts.add("target~" + f.target());
        if (f.from() != null) parts.add("from=" + f.from());
        if (f.to() != null) parts.add("to=" + f.to());
        return parts.isEmpty() ? "all entries" : String.join(" ", parts);
    }

    /** The signed-in user's name (the audit module does not depend on the security module). */
    static String currentActor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
