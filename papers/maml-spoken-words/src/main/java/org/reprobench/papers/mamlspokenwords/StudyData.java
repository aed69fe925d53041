package org.reprobench.papers.mamlspokenwords;

import java.io.IOException;
import java.nio.file.Path;
import org.reprobench.api.ClaimSkipped;
import org.reprobench.api.Profile;
import org.reprobench.api.RunContext;
import org.reprobench.datasets.Catalog;
import org.reprobench.datasets.DataHome;
import org.reprobench.datasets.DataUnavailable;
import org.reprobench.datasets.RealSets;
import org.reprobench.datasets.SetStatus;
import org.reprobench.datasets.StandIns;

/**
 * The word banks a profile runs on, declared to the harness. smoke and ci: the espeak-ng stand-in
 * (35 Speech Commands words x 48 synthetic speakers), so verdicts are at best CONSISTENT. paper:
 * Google Speech Commands v0.02 itself, only where it is already in the data cache (it is never
 * downloaded by a claim); FACC, the paper's second corpus, has no fetcher here.
 */
record StudyData(SpokenWordBank train, SpokenWordBank test) {

    static final String PAPER_NEEDS = "The paper profile also needs, per method and (K, N) cell, about 365,000 meta-training tasks "
            + "(the official OML checkpoint name reads epoch=365 at 1000 tasks per epoch), on the order of a GPU-day per cell in fp16 "
            + "(estimate; no run time is published), and the paper's FACC experiments need the Flickr 8k Audio Caption Corpus with the "
            + "forced alignments of its words, for which no fetcher exists here.";

    static StudyData load(RunContext ctx) throws ClaimSkipped {
        Setting setting = Setting.of(ctx.profile());
        try {
            if (ctx.profile() == Profile.PAPER) {
                SetStatus status = RealSets.status(DataHome.fromEnvironment(), Catalog.SPEECH_COMMANDS);
                if (status.state() == SetStatus.State.MISSING) {
                    throw new ClaimSkipped("Google Speech Commands v0.02 (" + Catalog.SPEECH_COMMANDS.files().get(0).fileName() + ", "
                            + Catalog.SPEECH_COMMANDS.totalBytes() / 1_000_000 + " MB) is not in the data cache: " + status.note() + ". "
                            + PAPER_NEEDS);
                }
                Path root = RealSets.speechCommands();
                ctx.useData("Google Speech Commands v0.02", false, Catalog.SPEECH_COMMANDS.files().get(0).sha256());
                return banks(root, setting);
            }
            Path root = StandIns.spokenWords();
            ctx.useData("espeak-ng spoken words (stand-in for Google Speech Commands v0.02)", true, StandIns.spokenWordsSha256());
            return banks(root, setting);
        } catch (DataUnavailable e) {
            throw new ClaimSkipped(e.getMessage());
        }
    }

    static StudyData banks(Path root, Setting setting) throws ClaimSkipped {
        try {
            return new StudyData(SpokenWordBank.load(root, setting.trainWords(), setting.clipsPerWord()),
                    SpokenWordBank.load(root, setting.testWords(), setting.clipsPerWord()));
        } catch (IOException e) {
            throw new ClaimSkipped("cannot read the spoken words in " + root + ": " + e.getMessage());
        }
    }
}
