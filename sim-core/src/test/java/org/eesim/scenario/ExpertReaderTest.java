package org.eesim.scenario;

import static org.eesim.scenario.ScenarioFiles.problems;
import static org.eesim.yaml.ProblemAssertions.assertProblem;
import static org.eesim.yaml.ProblemAssertions.edit;
import static org.eesim.yaml.ProblemAssertions.lineOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.eesim.yaml.ProblemsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy.expert}, read against the hand-written tiny-expert profile. */
class ExpertReaderTest {

    @TempDir
    Path tmp;

    private Path copy() {
        return new ScenarioFiles(tmp).scenario("expert.yaml");
    }

    @Test
    void readsTheClassifier() throws ProblemsException {
        PolicyConfig p = ScenarioReader.read(copy()).policy();
        assertEquals(PolicyConfig.Kind.FIXED, p.kind(), "type defaults to fixed");
        assertEquals(0.002, p.expert().classifierSeconds(), 1e-15);
        assertArrayEquals(new double[] {0.9, 0.1, 0}, p.expert().confusion()[0]);
        assertArrayEquals(new double[] {0, 0, 1}, p.expert().confusion()[2]);
    }

    @Test
    void aGuessWithoutItsExpertVariant() {
        Path f = copy();
        edit(f, "blur:     {pristine: 0.2, blur: 0.8}", "blur:     {pristine: 0.2, blur: 0.7, noise: 0.1}");
        assertProblem(problems(f), f, lineOf(f, "confusion:"), "policy.expert.confusion",
                "a 'blur-3' input is taken for noise with probability 0.1, but the profile has no condition"
                        + " 'blur-3@expert-noise'");
    }

    /** The classifier sends some pristine inputs to pristine@expert-blur: its rate table must hold the thresholds. */
    @Test
    void thresholdsMustBeTabulatedInReachableVariants() {
        Path f = copy();
        edit(f.resolveSibling("../profiles/tiny-expert/profile.yaml").normalize(),
                "    parameters: {type: none, branch_set: expert-blur}\n    trace: traces/blur-3.csv\n",
                "    parameters: {type: none, branch_set: expert-blur}\n    rule: max_softmax\n    rates:\n"
                        + "      - threshold: 0.7\n        exit_probability: {b1: 0.3, b2: 0.2}\n"
                        + "        accuracy: {b1: 0.9, b2: 0.8, final: 0.7}\n");
        var problems = problems(f);
        assertProblem(problems, f, lineOf(f, "threshold: 0.5"), "early_exit.threshold",
                "threshold 0.5 is not tabulated: condition 'pristine@expert-blur' is a rate table with thresholds 0.7");
        assertProblem(problems, f, lineOf(f, "adaptation:"), "policy.adaptation.thresholds[0]",
                "threshold 0.3 is not tabulated: condition 'pristine@expert-blur'");
        assertEquals(3, problems.size(), "0.5 in early_exit and 0.3, 0.5 in adaptation; 0.7 is tabulated: " + problems);
    }

    /** A variant the classifier never picks is not checked: no request uses its exit data. */
    @Test
    void unreachableVariantsAreNotChecked() throws ProblemsException {
        Path f = copy();
        edit(f.resolveSibling("../profiles/tiny-expert/profile.yaml").normalize(),
                "    parameters: {type: none, branch_set: expert-blur}\n    trace: traces/blur-3.csv\n",
                "    parameters: {type: none, branch_set: expert-blur}\n    rule: max_softmax\n    rates:\n"
                        + "      - threshold: 0.7\n        exit_probability: {b1: 0.3, b2: 0.2}\n"
                        + "        accuracy: {b1: 0.9, b2: 0.8, final: 0.7}\n");
        edit(f, "pristine: {pristine: 0.9, blur: 0.1}", "pristine: {pristine: 1}");
        assertEquals(0.5, ScenarioReader.read(f).exitRule().threshold());
    }

    @Test
    void rowsMustSumToOne() {
        Path f = copy();
        edit(f, "pristine: {pristine: 0.9, blur: 0.1}", "pristine: {pristine: 0.9, blur: 0.2}");
        assertProblem(problems(f), f, lineOf(f, "pristine: {pristine: 0.9"), "policy.expert.confusion.pristine",
                "the guesses for true class pristine must sum to 1, got 1.1");
    }

    @Test
    void aConditionOfUnknownDistortion() {
        Path f = copy();
        edit(f.resolveSibling("../profiles/tiny-expert/profile.yaml").normalize(),
                "{type: gaussian_blur, sigma: 3, kernel: 13}\n", "{type: jpeg, quality: 10}\n");
        assertProblem(problems(f), f, lineOf(f, "confusion:"), "policy.expert.confusion",
                "condition 'blur-3' has distortion type 'jpeg', which the classifier does not know");
    }

    @Test
    void unknownClass() {
        Path f = copy();
        edit(f, "noise:    {noise: 1}", "noise:    {noize: 1}");
        assertProblem(problems(f), f, lineOf(f, "noize"), "policy.expert.confusion.noise.noize",
                "did you mean 'noise'?");
    }
}
