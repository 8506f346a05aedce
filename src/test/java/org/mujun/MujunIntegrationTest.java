package org.mujun;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full application on the embedded PostgreSQL (one cluster per test JVM, cleaned at start),
 * with {@link TestFixture} installed. Use {@code MockMvc} via {@code @AutoConfigureMockMvc}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest
@ActiveProfiles("test")
@Import(TestFixture.class)
public @interface MujunIntegrationTest {
}
