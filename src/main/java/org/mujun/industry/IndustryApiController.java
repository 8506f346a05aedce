package org.mujun.industry;

import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** REST API of industries and industry sets (SPEC §2, §10). */
@RestController
@RequestMapping("/api/v1")
class IndustryApiController {

    private final Industries industries;
    private final IndustrySets sets;

    IndustryApiController(Industries industries, IndustrySets sets) {
        this.industries = industries;
        this.sets = sets;
    }

    record Member(String prefix, String name) {
    }

    record SetView(String key, String name, String nameEn, List<Member> members) {
    }

    record MembersRequest(List<String> members) {
    }

    @GetMapping("/industries")
    @PreAuthorize(IndustryController.READERS)
    List<Industries.Industry> industries() {
        return industries.all();
    }

    @GetMapping("/industry-sets")
    @PreAuthorize(IndustryController.READERS)
    List<SetView> sets() {
        return sets.all().stream().map(this::view).toList();
    }

    @GetMapping("/industry-sets/{key}")
    @PreAuthorize(IndustryController.READERS)
    SetView set(@PathVariable String key) {
        return view(sets.find(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "行业集合不存在 / industry set not found")));
    }

    @PutMapping("/industry-sets/{key}")
    @PreAuthorize(IndustryController.EDITORS)
    SetView update(@PathVariable String key, @RequestBody(required = false) MembersRequest body) {
        if (sets.find(key).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "行业集合不存在 / industry set not found");
        }
        if (body == null || body.members() == null) {
            throw new IllegalArgumentException("请求体需包含 members / the body must contain members");
        }
        return view(sets.update(key, body.members(), IndustryController.actor()));
    }

    private SetView view(IndustrySets.IndustrySet s) {
        var locale = LocaleContextHolder.getLocale();
        return new SetView(s.key(), s.name(), s.nameEn(), s.members().stream()
                .map(m -> new Member(m, industries.nearest(m).map(i -> i.label(locale)).orElse(null))).toList());
    }
}
