package org.mujun.ingest;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.common.DatasetType;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The ingestion REST API (SPEC §3, §10): templates, file uploads, JSON pushes from department
 * systems with a scoped token, upload results and errors, history and quality findings.
 */
@RestController
@RequestMapping("/api/v1")
class IngestApiController {

    private final Ingestion ingestion;
    private final Uploads uploads;
    private final DataHistory history;

    IngestApiController(Ingestion ingestion, Uploads uploads, DataHistory history) {
        this.ingestion = ingestion;
        this.uploads = uploads;
        this.history = history;
    }

    record ColumnInfo(String field, String header, String headerEn, String unit, boolean required, boolean key) { }

    record DatasetInfo(String type, String name, String nameEn, String department, List<ColumnInfo> columns) { }

    record Page<T>(List<T> items, int page, int size, long total) { }

    @GetMapping("/datasets")
    @PreAuthorize(IngestController.USERS)
    List<DatasetInfo> datasets() {
        return DatasetSpec.ALL.values().stream().map(s -> new DatasetInfo(s.type().name(), s.type().nameZh(), s.type().nameEn(),
                s.type().department(), s.columns().stream().map(c -> new ColumnInfo(c.code(), c.header(), c.headerEn(), c.unit(),
                        c.required(), c.key())).toList())).toList();
    }

    @GetMapping("/datasets/{type}/template.xlsx")
    @PreAuthorize(IngestController.USERS)
    void templateXlsx(@PathVariable String type, HttpServletResponse response) throws IOException {
        DatasetType t = DatasetType.parse(type);
        IngestController.attachment(response, "mujun-template-" + t.name().toLowerCase() + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Templates.xlsx(t, response.getOutputStream());
    }

    @GetMapping("/datasets/{type}/template.csv")
    @PreAuthorize(IngestController.USERS)
    void templateCsv(@PathVariable String type, HttpServletResponse response) throws IOException {
        DatasetType t = DatasetType.parse(type);
        IngestController.attachment(response, "mujun-template-" + t.name().toLowerCase() + ".csv", "text/csv;charset=UTF-8");
        Templates.csv(t, response.getOutputStream());
    }

    // No "consumes" and optional parameters: a request of the wrong shape must still meet the role check first
    // (403 for a refused role, never 415 or 400); the method checks the data set and then the file itself.
    @PostMapping("/uploads")
    @PreAuthorize(IngestController.UPLOADERS)
    UploadResult upload(@RequestParam(required = false) String dataset,
                        @RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
        DatasetType type = IngestController.uploadable(dataset, file);
        if (file.isEmpty()) {
            throw new IllegalArgumentException("缺少文件 / the multipart field 'file' is missing or empty");
        }
        return IngestController.receive(ingestion, type, file, "API");
    }

    /**
     * JSON push: an array of objects keyed by the template's field codes (GET /api/v1/datasets).
     * Goes through the same validation, history and atomic apply as a file.
     */
    @PostMapping("/datasets/{type}/records")
    @PreAuthorize(IngestController.UPLOADERS)
    UploadResult push(@PathVariable String type, @RequestBody(required = false) List<Map<String, Object>> records) throws IOException {
        DatasetType t = DatasetType.parse(type);
        Ingestion.checkMayUpload(Jurisdiction.currentUser(), t);
        if (records == null || records.isEmpty()) {
            throw new IllegalArgumentException("请求体应为非空的 JSON 数组 / the body must be a non-empty JSON array of records");
        }
        DatasetSpec spec = DatasetSpec.of(t);
        Path tmp = Files.createTempFile("mujun-push", ".csv");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                List<String> codes = spec.columns().stream().map(Column::code).toList();
                w.write(String.join(",", codes));
                w.write('\n');
                for (Map<String, Object> rec : records) {
                    for (String k : rec.keySet()) {
                        if (!codes.contains(k)) {
                            throw new IllegalArgumentException("未知字段 '" + k + "'，可用字段：" + codes + " / unknown field '" + k + "'; fields are " + codes);
                        }
                    }
                    List<String> cells = new ArrayList<>();
                    for (String c : codes) {
                        Object v = rec.get(c);
                        String s = v == null ? "" : v instanceof BigDecimal bd ? bd.toPlainString()
                                : v instanceof Boolean b ? (b ? "是" : "否") : v.toString();
                        cells.add("\"" + s.replace("\"", "\"\"") + "\"");
                    }
                    w.write(String.join(",", cells));
                    w.write('\n');
                }
            }
            return ingestion.ingest(t, "api-push-" + t.name().toLowerCase() + ".json", tmp, "API", Jurisdiction.currentUser());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @GetMapping("/uploads")
    @PreAuthorize(IngestController.USERS)
    Page<Uploads.Upload> list(@RequestParam(required = false) String dataset, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        MujunUser me = Jurisdiction.currentUser();
        String ds = dataset == null ? null : DatasetType.parse(dataset).name();
        int s = Math.min(Math.max(size, 1), 500);
        return new Page<>(uploads.list(me, ds, Math.max(page, 0), s), Math.max(page, 0), s, uploads.count(me, ds));
    }

    @GetMapping("/uploads/{id}")
    @PreAuthorize(IngestController.USERS)
    Map<String, Object> get(@PathVariable long id) {
        Uploads.Upload u = uploads.find(Jurisdiction.currentUser(), id).orElseThrow(IngestController::notFound);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("upload", u);
        m.put("errorCount", uploads.errorCount(id));
        m.put("firstErrors", uploads.errors(id, 0, 20));
        return m;
    }

    @GetMapping("/uploads/{id}/errors")
    @PreAuthorize(IngestController.USERS)
    Page<UploadResult.RowError> errors(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "100") int size) {
        uploads.find(Jurisdiction.currentUser(), id).orElseThrow(IngestController::notFound);
        int s = Math.min(Math.max(size, 1), 1000);
        return new Page<>(uploads.errors(id, Math.max(page, 0), s), Math.max(page, 0), s, uploads.errorCount(id));
    }

    @GetMapping("/uploads/{id}/errors.csv")
    @PreAuthorize(IngestController.USERS)
    void errorsCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        uploads.find(Jurisdiction.currentUser(), id).orElseThrow(IngestController::notFound);
        IngestController.attachment(response, "mujun-upload-" + id + "-errors.csv", "text/csv;charset=UTF-8");
        IngestController.writeErrorsCsv(uploads, id, response.getOutputStream());
    }

    @GetMapping("/data-changes")
    List<Uploads.Change> changes(@RequestParam(required = false) String uscc, @RequestParam(required = false) Long upload,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        IngestController.requireBusinessData();
        return history.changes(IngestController.blankToNull(uscc), upload, Math.max(page, 0), Math.min(Math.max(size, 1), 1000));
    }

    @GetMapping("/quality-findings")
    Page<Uploads.Finding> findings(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        IngestController.requireBusinessData();
        int s = Math.min(Math.max(size, 1), 1000);
        String k = IngestController.blankToNull(kind);
        return new Page<>(history.findings(k, year, Math.max(page, 0), s), Math.max(page, 0), s, history.findingCount(k, year));
    }
}
