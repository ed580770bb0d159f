package io.ragline;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly which keys are wrong, instead of a stack trace. */
public class UnknownSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnknownSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnknownSettingsException cause) {
        return new FailureAnalysis("No Ragline setting has these names: " + String.join(", ", cause.keys()) + ".",
                "Check the spelling against application.yml, which lists every ragline.* key with its meaning.", cause);
    }
}
