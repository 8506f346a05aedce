package org.mujun.evaluation;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.evaluation.EvaluationRuns.Page;
import org.mujun.evaluation.EvaluationRuns.ResultQuery;
import org.mujun.evaluation.EvaluationRuns.ResultRow;
import org.mujun.evaluation.EvaluationRuns.ResultSort;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.EvaluationRuns.RunFilter;
import org.mujun.evaluation.EvaluationRuns.RunHeader;
import org.mujun.evaluation.EvaluationSchemes.InvalidSchemeException;
import org.mujun.evaluation.EvaluationSchemes.SchemeVersion;
import org.mujun.security.Jurisdiction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * REST API of the evaluation (SPEC §5, §10): schemes (drafts created, saved, validated, published,
 * exported and imported as the engine's JSON/YAML), runs, their results and explanations. A scheme body
 * is read with {@link SchemeFiles} (strict: unknown fields are errors with their path and line).
 */
@RestController
@RequestMapping("/api/v1/evaluation")
class EvaluationApiController {

    static final String ADMINS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN')";
    static final String OFFICIALS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN','AUDITOR')";
    static final String BUSINESS = "isAuthenticated() and !hasAnyRole('SECURITY_ADMIN','DATA_PROVIDER')";

    private final EvaluationSchemes schemes;
    private final EvaluationRuns runs;

    EvaluationApiController(EvaluationSchemes schemes, EvaluationRuns runs) {
        this.schemes = schemes;
        this.runs = runs;
    }

    /** A scheme version with its body as the engine's JSON. */
    record SchemeDto(long id, String region, int year, int version, String status, String name, Long basedOn, String createdBy,
                     java.time.Instant createdAt, String updatedBy, java.time.Instant updatedAt, String publishedBy,
                     java.time.Instant publishedAt, int lockVersion, JsonNode scheme) {
        static SchemeDto of(SchemeVersion v) {
            return new SchemeDto(v.id(), v.regionCode(), v.year(), v.version(), v.status().name(), v.name(), v.basedOn(), v.createdBy(),
                    v.createdAt(), v.updatedBy(), v.updatedAt(), v.publishedBy(), v.publishedAt(), v.lockVersion(),
                    RunJson.MAPPER.readTree(SchemeFiles.toJson(v.scheme())));
        }
    }

    record NewDraft(String region, Integer year) {
    }

    record RunRequest(Long schemeId, RunKind kind) {
    }

    record RunDto(RunHeader header, List<EvaluationResult.PopulationSummary> populations, EvaluationRuns.Sources sources,
                  EvaluationRuns.Timings timings) {
        static RunDto of(Run r) {
            return new RunDto(r.header(), r.populations(), r.sources(), r.timings());
        }
    }

    record ExplanationDto(ResultRow result, EvaluationRuns.InputRow input, Explanation explanation) {
    }

    // ------------------------------------------------------------------ schemes

    @GetMapping("/schemes")
    @PreAuthorize(OFFICIALS)
    List<SchemeDto> schemes(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year) {
        return schemes.list(region, year).stream().map(SchemeDto::of).toList();
    }

    @GetMapping("/schemes/{id}")
    @PreAuthorize(OFFICIALS)
    SchemeDto scheme(@PathVariable long id) {
        return SchemeDto.of(schemes.get(id));
    }

    /** Opens the default scheme of a region and year as a draft (or returns the existing draft). */
    @PostMapping("/schemes")
    @PreAuthorize(ADMINS)
    ResponseEntity<SchemeDto> create(@RequestBody(required = false) NewDraft body) {
        if (body == null || body.region() == null || body.year() == null) {
            throw new IllegalArgumentException("请求体需包含 region 和 year / the body must contain region and year");
        }
        SchemeVersion v = schemes.openDefault(body.region().trim(), body.year(), actor());
        return ResponseEntity.created(URI.create("/api/v1/evaluation/schemes/" + v.id())).body(SchemeDto.of(v));
    }

    /** Saves a draft: the body is the scheme JSON; {@code lockVersion} the one read (409 when stale). */
    @PutMapping("/schemes/{id}")
    @PreAuthorize(ADMINS)
    SchemeDto save(@PathVariable long id, @RequestParam(required = false) Integer lockVersion, @RequestBody(required = false) String body) {
        schemes.get(id); // 404 before anything else when it is not visible
        int lock = lock(lockVersion);
        return SchemeDto.of(schemes.saveDraft(id, SchemeFiles.fromJson(body), lock, actor()));
    }

    @DeleteMapping("/schemes/{id}")
    @PreAuthorize(ADMINS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestParam(required = false) Integer lockVersion) {
        schemes.get(id);
        schemes.deleteDraft(id, lock(lockVersion), actor());
    }

    /** Validates a scheme JSON without saving: {@code {valid, problems:[{path, messageZh, messageEn}]}}. */
    @PostMapping("/schemes/validate")
    @PreAuthorize(OFFICIALS)
    Map<String, Object> validate(@RequestBody(required = false) String body) {
        List<Problem> p = SchemeValidation.validate(SchemeFiles.fromJson(body));
        return Map.of("valid", p.isEmpty(), "problems", p);
    }

    @PostMapping("/schemes/{id}/publish")
    @PreAuthorize(ADMINS)
    SchemeDto publish(@PathVariable long id, @RequestParam(required = false) Integer lockVersion) {
        schemes.get(id);
        return SchemeDto.of(schemes.publish(id, lock(lockVersion), actor()));
    }

    /** The next version as a draft, copied from this one. */
    @PostMapping("/schemes/{id}/versions")
    @PreAuthorize(ADMINS)
    @ResponseStatus(HttpStatus.CREATED)
    SchemeDto newVersion(@PathVariable long id) {
        return SchemeDto.of(schemes.newVersion(id, actor()));
    }

    @GetMapping("/schemes/{id}/export")
    @PreAuthorize(OFFICIALS)
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "json") String format) {
        return exportFile(schemes.get(id), format);
    }

    static ResponseEntity<byte[]> exportFile(SchemeVersion v, String format) {
        SchemeFiles.Format f = switch (format.toLowerCase()) {
            case "json" -> SchemeFiles.Format.JSON;
            case "yaml", "yml" -> SchemeFiles.Format.YAML;
            default -> throw new IllegalArgumentException("格式应为 json 或 yaml / format must be json or yaml");
        };
        String name = "scheme-" + v.regionCode() + "-" + v.year() + "-v" + v.version() + (f == SchemeFiles.Format.JSON ? ".json" : ".yaml");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(f == SchemeFiles.Format.JSON ? MediaType.APPLICATION_JSON : MediaType.parseMediaType("application/yaml"))
                .body(SchemeFiles.write(v.scheme(), f).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Imports a scheme file (multipart {@code file}, .json/.yaml/.yml) as a new draft of its region and year,
     * or into the draft {@code id} when given (with its {@code lockVersion}).
     */
    @PostMapping("/schemes/import")
    @PreAuthorize(ADMINS)
    ResponseEntity<SchemeDto> importFile(@RequestParam(name = "file", required = false) MultipartFile file, @RequestParam(required = false) Long id,
                                         @RequestParam(required = false) Integer lockVersion) throws IOException {
        if (id != null) {
            schemes.get(id);
        }
        Scheme s = readFile(file);
        SchemeVersion v;
        if (id != null) {
            if (lockVersion == null) {
                throw new IllegalArgumentException("导入到草稿需提供 lockVersion / importing into a draft needs its lockVersion");
            }
            v = schemes.saveDraft(id, s, lockVersion, actor());
        } else {
            v = schemes.createDraft(s, actor());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(SchemeDto.of(v));
    }

    static Scheme readFile(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new IllegalArgumentException("请选择方案文件 / choose a scheme file");
        }
        if (file.getSize() > 1_000_000) {
            throw new IllegalArgumentException("方案文件不应超过 1 MB / a scheme file must not exceed 1 MB");
        }
        return SchemeFiles.read(new String(file.getBytes(), StandardCharsets.UTF_8), SchemeFiles.formatOf(file.getOriginalFilename()));
    }

    // ------------------------------------------------------------------ runs

    @PostMapping("/runs")
    @PreAuthorize(ADMINS)
    ResponseEntity<RunDto> run(@RequestBody(required = false) RunRequest body) {
        if (body == null || body.schemeId() == null) {
            throw new IllegalArgumentException("请求体需包含 schemeId / the body must contain schemeId");
        }
        Run r = body.kind() == null ? runs.run(body.schemeId(), actor()) : runs.run(body.schemeId(), body.kind(), actor());
        return ResponseEntity.created(URI.create("/api/v1/evaluation/runs/" + r.id())).body(RunDto.of(r));
    }

    @GetMapping("/runs")
    @PreAuthorize(BUSINESS)
    List<RunHeader> runs(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
                         @RequestParam(required = false) RunKind kind) {
        return runs.list(new RunFilter(region, year, kind));
    }

    @GetMapping("/runs/{id}")
    @PreAuthorize(BUSINESS)
    RunDto runOne(@PathVariable long id) {
        return RunDto.of(runs.get(id));
    }

    @GetMapping("/runs/{id}/results")
    @PreAuthorize(BUSINESS)
    Page<ResultRow> results(@PathVariable long id, @RequestParam(required = false) PopulationKind population,
                            @RequestParam(name = "class", required = false) String cls, @RequestParam(required = false) String region,
                            @RequestParam(required = false) String industry, @RequestParam(required = false) String q,
                            @RequestParam(defaultValue = "RANK") ResultSort sort, @RequestParam(defaultValue = "false") boolean desc,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Page<ResultRow> p = runs.results(id, new ResultQuery(population, cls, region, industry, q, sort, desc, page, size));
        return new Page<>(p.items().stream().map(TaxMask::row).toList(), p.page(), p.size(), p.total(), p.totalExact());
    }

    @GetMapping("/runs/{id}/results/{uscc}/explanation")
    @PreAuthorize(BUSINESS)
    ExplanationDto explanation(@PathVariable long id, @PathVariable String uscc) {
        EvaluationRuns.Explained e = TaxMask.explained(runs.explanation(id, uscc.trim().toUpperCase())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "该企业不在本次评价结果中 / no such enterprise in this run")));
        return new ExplanationDto(e.result(), e.input(), e.explanation());
    }

    /** A scheme that cannot be saved: 400 with every problem and its field path. */
    @ExceptionHandler(InvalidSchemeException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSchemeException e, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid scheme");
        p.setInstance(URI.create(request.getRequestURI()));
        List<Map<String, String>> list = e.problems().stream().map(x -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("path", x.path());
            m.put("messageZh", x.messageZh());
            m.put("messageEn", x.messageEn());
            return m;
        }).toList();
        p.setProperty("problems", list);
        return ResponseEntity.badRequest().body(p);
    }

    /** A file that is not a scheme: 400 with the field path and line. */
    @ExceptionHandler(SchemeFiles.SchemeFormatException.class)
    ResponseEntity<ProblemDetail> malformed(SchemeFiles.SchemeFormatException e, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Malformed scheme");
        p.setInstance(URI.create(request.getRequestURI()));
        p.setProperty("path", e.path());
        p.setProperty("line", e.line());
        return ResponseEntity.badRequest().body(p);
    }

    static int lock(Integer lockVersion) {
        if (lockVersion == null) {
            throw new IllegalArgumentException("缺少 lockVersion（读取时的版本号） / lockVersion (the version read) is required");
        }
        return lockVersion;
    }

    static String actor() {
        var u = Jurisdiction.currentUser();
        return u == null ? "system" : u.username();
    }
}
