package org.eesim.models.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EngineEnvironmentTest {

    @Test
    void addsOnlyWhatIsMissingAndKeepsTheUsersValues() {
        assertEquals(Map.of("DNNL_MAX_CPU_ISA", "AVX2", "ONEDNN_MAX_CPU_ISA", "AVX2"), EngineEnvironment.missing(Map.of()));
        assertEquals(Map.of("ONEDNN_MAX_CPU_ISA", "AVX2"),
                EngineEnvironment.missing(Map.of("DNNL_MAX_CPU_ISA", "AVX512_CORE")));
        assertEquals(Map.of(), EngineEnvironment.missing(EngineEnvironment.REQUIRED));
    }

    @Test
    void theChildRunsTheSameMainWithTheDjlPropertiesAndHeap() {
        Properties p = new Properties();
        p.setProperty("ai.djl.pytorch.num_threads", "1");
        p.setProperty("user.dir", "/x");
        p.setProperty("ai.djl.offline", "true");
        List<String> c = EngineEnvironment.childCommand("/jdk/bin/java", "a.jar:b", p,
                List.of("-Xmx2g", "-Dclassworlds.conf=/m2/bin/m2.conf", "-XX:+UseG1GC"), "org.x.Main",
                new String[] {"profile", "--net", "tiny"});
        assertEquals(List.of("/jdk/bin/java", "-Xmx2g", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-cp",
                "a.jar:b", "org.x.Main", "profile", "--net", "tiny"), c);
    }

    /** The surefire configuration (models/pom.xml) puts the cap into this JVM's environment. */
    @Test
    void theTestsRunWithTheCap() {
        assertEquals(Map.of(), EngineEnvironment.missing(System.getenv()), "models/pom.xml surefire environmentVariables");
        assertTrue(EngineEnvironment.capped());
        assertTrue(EngineEnvironment.settings().startsWith("DNNL_MAX_CPU_ISA=AVX2, ONEDNN_MAX_CPU_ISA=AVX2, "),
                EngineEnvironment.settings());
    }
}
