package org.mujun.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.evaluation.RegionStatisticsQuery.Level;
import org.mujun.evaluation.RegionStatisticsQuery.Point;
import org.mujun.evaluation.RegionStatisticsQuery.Table;
import org.mujun.security.Jurisdiction;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the region statistics (SPEC §5, §10); also the data of the statistics page's charts. */
@RestController
@RequestMapping("/api/v1/evaluation/statistics")
class StatisticsApiController {

    private final RegionStatisticsQuery statistics;
    private final Jurisdiction jurisdiction;

    StatisticsApiController(RegionStatisticsQuery statistics, Jurisdiction jurisdiction) {
        this.statistics = statistics;
        this.jurisdiction = jurisdiction;
    }

    /** The regions of a level inside {@code region} (default: the user's region) in a year (default: the latest published), with last year's. */
    @GetMapping
    @PreAuthorize(PublicationController.READERS)
    Table table(@RequestParam(required = false) String year, @RequestParam(required = false) Level level,
                @RequestParam(required = false) String region) {
        String prefix = RegionStatisticsQuery.prefix(region, jurisdiction.current());
        Integer y = PublicationController.year(year);
        if (y == null) {
            List<Integer> years = statistics.years(prefix);
            y = years.isEmpty() ? java.time.Year.now(Publications.ZONE).getValue() - 1 : years.get(0);
        }
        return statistics.table(y, level, prefix);
    }

    /** The selection's figures per year with a published run, oldest first. */
    @GetMapping("/trend")
    @PreAuthorize(PublicationController.READERS)
    Map<String, Object> trend(@RequestParam(required = false) String region) {
        String prefix = RegionStatisticsQuery.prefix(region, jurisdiction.current());
        List<Point> points = statistics.trend(prefix);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", prefix);
        m.put("name", statistics.name(prefix));
        m.put("taxMasked", RegionStatisticsQuery.masked());
        m.put("points", points);
        return m;
    }
}
