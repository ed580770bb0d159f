package io.ragline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/deploy --help prints its usage and deploys nothing; an unknown option or a second version is refused. */
class DeployScriptUsageTest {

    @TempDir
    Path state;

    private record Run(int exit, String output) {
    }

    @Test
    void helpPrintsUsageAndAnythingElseThatIsNotAVersionIsRefused() throws Exception {
        Run help = deploy("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.output()).contains("Blue-green deployment of Ragline: scripts/deploy <version>", "DEPLOY_RUNTIME");

        assertThat(deploy("-h").exit()).isZero();
        Run unknown = deploy("--bogus");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown option --bogus");
        assertThat(deploy().exit()).isEqualTo(2);
        assertThat(deploy("1.1.0", "1.2.0").exit()).isEqualTo(2);
        Run notAVersion = deploy("1.1/../x");
        assertThat(notAVersion.exit()).isEqualTo(2);
        assertThat(notAVersion.output()).contains("not a version");
        assertThat(state.resolve("deploy-state")).as("nothing was deployed").doesNotExist();
    }

    private Run deploy(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("scripts/deploy"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DEPLOY_STATE", state.resolve("deploy-state").toString());
        builder.environment().put("DEPLOY_RUNTIME", "process");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
