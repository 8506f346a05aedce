package org.mujun;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Starts the web application, or, when the first argument is a command name
 * ({@code import}, {@code demo}, …), runs that command without a web server and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MujunApplication {

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            var app = new SpringApplicationBuilder(MujunApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("mujun.cli.command=" + args[0], "spring.main.banner-mode=off")
                    .build();
            System.exit(SpringApplication.exit(app.run(args)));
        }
        SpringApplication.run(MujunApplication.class, args);
    }

}
