package org.mujun.map;

import org.mujun.common.NavLink;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The map page (一图呈现); everything on it is drawn by map.js from the REST API. */
@Controller
class MapController {

    @Bean
    static NavLink mapNavLink() {
        return new NavLink(5, "map.nav", "/map", NavLink.BUSINESS);
    }

    @GetMapping("/map")
    @PreAuthorize(MapApiController.BUSINESS)
    String map() {
        return "map/map";
    }
}
