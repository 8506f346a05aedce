package org.mujun.system;

import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.List;
import org.mujun.common.HomeCard;
import org.mujun.region.Regions;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final List<HomeCard.Provider> providers;
    private final Regions regions;
    private final MessageSource messages;

    HomeController(List<HomeCard.Provider> providers, Regions regions, MessageSource messages) {
        this.providers = providers;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/")
    String home(Model model) {
        MujunUser user = Jurisdiction.currentUser();
        model.addAttribute("scopeName", user.regionCode() == null ? "—" : regions.pathName(user.regionCode()));
        model.addAttribute("cards", providers.stream().flatMap(p -> p.cards().stream())
                .sorted(Comparator.comparingInt(HomeCard::order)).toList());
        return "system/home";
    }

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (last instanceof LockedException) {
            model.addAttribute("lockedMessage", messages.getMessage("login.locked", null, LocaleContextHolder.getLocale()));
        }
        return "system/login";
    }
}
