package org.mujun.ingest;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mujun.common.DatasetType;
import org.mujun.common.ExcelExport;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The data-ingestion pages: templates, upload, results with row errors, history, quality findings. */
@Controller
class IngestController {

    static final int PAGE = 50;
    /** Who uses ingestion (SPEC §1): admins and data providers upload, auditors read; town, enterprise and security do not. */
    static final String USERS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN','DATA_PROVIDER','AUDITOR')";
    static final String UPLOADERS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN','DATA_PROVIDER')";
    private final Ingestion ingestion;
    private final Uploads uploads;
    private final DataHistory history;
    private final QualityChecks quality;

    IngestController(Ingestion ingestion, Uploads uploads, DataHistory history, QualityChecks quality) {
        this.ingestion = ingestion;
        this.uploads = uploads;
        this.history = history;
        this.quality = quality;
    }

    @GetMapping("/ingest")
    @PreAuthorize(USERS)
    String index(@RequestParam(required = false) String dataset, @RequestParam(defaultValue = "0") int page, Model model) {
        MujunUser me = Jurisdiction.currentUser();
        String ds = dataset == null || dataset.isBlank() ? null : DatasetType.parse(dataset).name();
        model.addAttribute("specs", DatasetSpec.ALL.values());
        model.addAttribute("uploadable", Arrays.stream(DatasetType.values()).filter(t -> mayUpload(me, t)).toList());
        model.addAttribute("uploads", uploads.list(me, ds, Math.max(page, 0), PAGE));
        model.addAttribute("total", uploads.count(me, ds));
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("dataset", ds);
        return "ingest/index";
    }

    static boolean mayUpload(MujunUser me, DatasetType t) {
        return me.role().isAdmin() || (me.role() == Role.DATA_PROVIDER && me.datasets().contains(t.name()));
    }

    @GetMapping("/ingest/templates/{type}.xlsx")
    @PreAuthorize(USERS)
    void templateXlsx(@PathVariable String type, HttpServletResponse response) throws IOException {
        DatasetType t = DatasetType.parse(type);
        attachment(response, "mujun-template-" + t.name().toLowerCase() + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Templates.xlsx(t, response.getOutputStream());
    }

    @GetMapping("/ingest/templates/{type}.csv")
    @PreAuthorize(USERS)
    void templateCsv(@PathVariable String type, HttpServletResponse response) throws IOException {
        DatasetType t = DatasetType.parse(type);
        attachment(response, "mujun-template-" + t.name().toLowerCase() + ".csv", "text/csv;charset=UTF-8");
        Templates.csv(t, response.getOutputStream());
    }

    @PostMapping("/ingest/uploads")
    @PreAuthorize(UPLOADERS)
    String upload(@RequestParam(required = false) String dataset, @RequestParam(value = "file", required = false) MultipartFile file,
                  RedirectAttributes flash) throws IOException {
        // parameters optional so that the role and the data set are checked before the input (a refused role gets 403, not 400)
        DatasetType type = uploadable(dataset, file);
        if (file.isEmpty()) {
            flash.addFlashAttribute("error", "请选择要上传的文件 / choose a file to upload");
            return "redirect:/ingest";
        }
        UploadResult r = receive(ingestion, type, file, "WEB");
        return "redirect:/ingest/uploads/" + r.id();
    }

    /**
     * The data set of an upload the current user may make: 403 when the user may not upload it, then 400
     * when the request has no data set or no file part.
     */
    static DatasetType uploadable(String dataset, MultipartFile file) {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("请选择数据集 / choose a data set (dataset=TAX, STATS, …)");
        }
        DatasetType type = DatasetType.parse(dataset);
        Ingestion.checkMayUpload(Jurisdiction.currentUser(), type);
        if (file == null) {
            throw new IllegalArgumentException("缺少文件（multipart 字段 file） / the multipart field 'file' is missing");
        }
        return type;
    }

    /** Spools a multipart file to a temporary file and ingests it. */
    static UploadResult receive(Ingestion ingestion, DatasetType type, MultipartFile file, String source) throws IOException {
        Path tmp = Files.createTempFile("mujun-upload", ".bin");
        try {
            file.transferTo(tmp);
            return ingestion.ingest(type, file.getOriginalFilename(), tmp, source, Jurisdiction.currentUser());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @GetMapping("/ingest/uploads/{id}")
    @PreAuthorize(USERS)
    String detail(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        Uploads.Upload u = uploads.find(Jurisdiction.currentUser(), id).orElseThrow(IngestController::notFound);
        model.addAttribute("u", u);
        model.addAttribute("errors", uploads.errors(id, Math.max(page, 0), PAGE));
        model.addAttribute("errorCount", uploads.errorCount(id));
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pageSize", PAGE);
        return "ingest/upload";
    }

    @GetMapping("/ingest/uploads/{id}/errors.csv")
    @PreAuthorize(USERS)
    void errorsCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        uploads.find(Jurisdiction.currentUser(), id).orElseThrow(IngestController::notFound);
        attachment(response, "mujun-upload-" + id + "-errors.csv", "text/csv;charset=UTF-8");
        writeErrorsCsv(uploads, id, response.getOutputStream());
    }

    static void writeErrorsCsv(Uploads uploads, long id, OutputStream out) throws IOException {
        var w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("\uFEFF行号 Row,列 Column,值 Value,原因 Reason\r\n");
        uploads.eachError(id, e -> {
            try {
                w.write(e.row() + "," + csv(e.column()) + "," + csv(ExcelExport.escapeFormula(e.value())) + "," + csv(e.reason()) + "\r\n");
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        w.flush();
    }

    @GetMapping("/ingest/uploads/{id}/errors.xlsx")
    @PreAuthorize(USERS)
    void errorsXlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
        uploads.find(Jurisdiction.currentUser(), id).orElseThrow(IngestController::notFound);
        attachment(response, "mujun-upload-" + id + "-errors.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<List<?>> rows = new ArrayList<>();
        uploads.eachError(id, e -> rows.add(Arrays.asList(e.row(), e.column(), e.value(), e.reason())));
        ExcelExport.write(response.getOutputStream(), "错误 Errors", List.of("行号 Row", "列 Column", "值 Value", "原因 Reason"), rows);
    }

    @GetMapping("/ingest/history")
    String history(@RequestParam(required = false) String uscc, @RequestParam(required = false) Long upload,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        requireBusinessData();
        model.addAttribute("changes", history.changes(blankToNull(uscc), upload, Math.max(page, 0), PAGE));
        model.addAttribute("uscc", uscc);
        model.addAttribute("upload", upload);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pageSize", PAGE);
        return "ingest/history";
    }

    @GetMapping("/ingest/quality")
    String findings(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        requireBusinessData();
        String k = blankToNull(kind);
        model.addAttribute("findings", history.findings(k, year, Math.max(page, 0), PAGE));
        model.addAttribute("total", history.findingCount(k, year));
        model.addAttribute("kinds", QualityChecks.KINDS);
        model.addAttribute("kind", k);
        model.addAttribute("year", year);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pageSize", PAGE);
        return "ingest/quality";
    }

    @GetMapping("/ingest/quality.xlsx")
    void findingsXlsx(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                      HttpServletResponse response) throws IOException {
        requireBusinessData();
        attachment(response, "mujun-quality-findings.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<List<?>> rows = new ArrayList<>();
        for (Uploads.Finding f : history.findings(blankToNull(kind), year, 0, 1_000_000)) {
            rows.add(Arrays.asList(f.kind(), f.year(), f.uscc(), f.enterpriseName(), f.regionCode(), f.detail()));
        }
        ExcelExport.write(response.getOutputStream(), "数据质量 Quality",
                List.of("类型 Kind", "年度 Year", "统一社会信用代码 USCC", "企业 Enterprise", "区划 Region", "说明 Detail"), rows);
    }

    @PostMapping("/ingest/quality/run")
    @PreAuthorize("hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN')")
    String runChecks(RedirectAttributes flash) {
        quality.runAll();
        // the count shown is of the findings in the user's jurisdiction, not of the whole database
        flash.addFlashAttribute("message", history.findingCount(null, null));
        return "redirect:/ingest/quality";
    }

    static void requireBusinessData() {
        MujunUser me = Jurisdiction.currentUser();
        if (me == null || !me.role().seesBusinessData()) {
            throw new org.springframework.security.access.AccessDeniedException("no business data for this role");
        }
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到，或不在您的管辖范围内 / not found, or outside your jurisdiction");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static void attachment(HttpServletResponse response, String name, String type) {
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    private static String csv(String s) {
        return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
