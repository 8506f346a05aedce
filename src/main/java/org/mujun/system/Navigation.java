package org.mujun.system;

import java.util.Comparator;
import java.util.List;
import org.mujun.common.NavLink;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.springframework.stereotype.Component;

/** The top menu for the signed-in user, from the modules' {@link NavLink} beans (used by the layout as {@code @navigation}). */
@Component("navigation")
public class Navigation {

    private final List<NavLink> links;

    Navigation(List<NavLink> links) {
        this.links = links.stream().sorted(Comparator.comparingInt(NavLink::order)).toList();
    }

    /** A menu heading with the entries the user may open (never empty). */
    public record Group(String key, List<NavLink> links) {
        public String labelKey() {
            return "nav.group." + key;
        }
    }

    public List<NavLink> links() {
        MujunUser user = Jurisdiction.currentUser();
        if (user == null) {
            return List.of();
        }
        return links.stream().filter(l -> l.roles().contains(user.role().name())).toList();
    }

    public List<Group> groups() {
        List<NavLink> mine = links();
        return NavLink.GROUPS.stream()
                .map(g -> new Group(g, mine.stream().filter(l -> l.group().equals(g)).toList()))
                .filter(g -> !g.links().isEmpty()).toList();
    }
}
