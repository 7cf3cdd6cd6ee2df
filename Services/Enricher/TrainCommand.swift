import ArgumentParser
import EnricherCore
import EntityTagging
import Foundation
import ServiceCommandLine
import TaggerTools

/// Trains the statistical entity tagger and writes its model file.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the statistical entity tagger on CoNLL files (token<TAB>tag, BIO over PER/ORG/LOC/MISC).",
        discussion: """
            The last --dev-fraction of the first file's sentences is held out as a dev set and \
            scored after every epoch; further files only add training sentences, without those \
            that repeat the text of a dev sentence (NewsFANE re-annotates ANERcorp's text).
            """
    )

    @Option(parsing: .upToNextOption, help: "Training corpora; the first one also gives the dev set.")
    var conll: [String]

    @Option(
        parsing: .upToNextOption,
        help: "More training corpora written with clitics split off (NewsFANE, WikiFANE); they are re-attached."
    )
    var segmentedConll: [String] = []

    @Option(
        parsing: .upToNextOption,
        help: """
            Annotated corpora whose word counts become entity prior features (WikiFANE, AQMAR); split \
            clitics are re-attached. They must share no text with the training or test corpora.
            """
    )
    var priorConll: [String] = []

    @Option(help: "Where to write the model file.")
    var output: String

    @Option(help: "Passes over the training sentences.")
    var epochs = 10

    @Option(help: "The share of the first file's sentences, from its end, held out as dev set.")
    var devFraction = 0.1

    @Option(help: "Seeds the shuffle of the sentences in each epoch.")
    var seed: UInt64 = 1

    @Option(help: "Features seen fewer times in training get no weights.")
    var minFeatureCount = 1

    @Option(help: "Averaged weights closer to zero than this are left out of the model.")
    var minWeight: Float = 0.01

    @Option(help: "The update size for sentences of further files (all but the first --conll) against 1.")
    var furtherWeight: Float = 1

    @Flag(
        help: "Besides its shared weight, give every feature one for the first file and one for the further files."
    )
    var domainCopies = false

    func validate() throws {
        guard !conll.isEmpty else { throw ValidationError("give at least one --conll file") }
        guard (0..<1).contains(devFraction) else { throw ValidationError("--dev-fraction must be in [0, 1)") }
        guard epochs > 0 else { throw ValidationError("--epochs must be positive") }
        guard furtherWeight > 0 else { throw ValidationError("--further-weight must be positive") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let (main, further, dev, prior) = try corpora()
            let training = main + further
            print(
                "training on \(training.count) sentences (\(further.count) of further files),"
                    + " \(training.reduce(0) { $0 + $1.tokens.count }) tokens; dev \(dev.count) sentences"
            )

            var options = PerceptronTrainer.Options()
            options.epochs = epochs
            options.seed = seed
            options.minimumFeatureCount = minFeatureCount
            options.minimumWeight = minWeight
            options.furtherWeight = furtherWeight
            options.domainCopies = domainCopies
            let trainer = try PerceptronTrainer(options: options)
            let model = trainer.train(main, further: further, dev: dev, priorSentences: prior) { report in
                print(Self.line(report, of: epochs))
            }
            try model.write(to: URL(fileURLWithPath: output))
            let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            let seconds = (clock.now - started) / .seconds(1)
            print(
                "wrote \(output): \(model.featureCount) features, \(size / 1024) KiB;"
                    + " \(String(format: "%.1f", seconds)) s in all"
            )
        } catch {
            printToStandardError("akhbar-enricher train: \(error)")
            throw ExitCode.failure
        }
    }

    /// The main and further training, dev and prior sentences: the dev set from the end of the
    /// first file, the other files without their sentences that repeat dev text.
    private func corpora() throws(CoNLLError) -> (
        main: [LabeledSentence], further: [LabeledSentence], dev: [LabeledSentence], prior: [LabeledSentence]
    ) {
        func read(_ path: String) throws(CoNLLError) -> [LabeledSentence] {
            try CoNLLReader.read(contentsOf: URL(fileURLWithPath: path))
        }
        var primary = try read(conll[0])
        let devCount = Int((Double(primary.count) * devFraction).rounded())
        let dev = Array(primary.suffix(devCount))
        primary.removeLast(devCount)
        var extra: [LabeledSentence] = []
        for path in conll.dropFirst() { extra += try read(path) }
        for path in segmentedConll { extra += try read(path).map(CliticJoiner.joined) }
        var prior: [LabeledSentence] = []
        for path in priorConll { prior += try read(path).map(CliticJoiner.joined) }
        let overlap = TextOverlap(dev)
        func withoutDevText(_ sentences: [LabeledSentence]) -> [LabeledSentence] {
            let kept = dev.isEmpty ? sentences : sentences.filter { !overlap.contains($0) }
            if kept.count < sentences.count {
                print("left out \(sentences.count - kept.count) sentences of further files that repeat dev text")
            }
            return kept
        }
        return (primary, withoutDevText(extra), dev, withoutDevText(prior))
    }

    private static func line(_ report: PerceptronTrainer.EpochReport, of epochs: Int) -> String {
        var parts = [
            "epoch \(report.epoch)/\(epochs)",
            "\(Int(report.tokensPerSecond)) tokens/s",
            "train accuracy \(ScoreTable.percent(report.trainingAccuracy))",
        ]
        if let accuracy = report.devAccuracy { parts.append("dev accuracy \(ScoreTable.percent(accuracy))") }
        if let score = report.devScore {
            parts.append("dev F1 \(ScoreTable.percent(score.micro(over: NERType.allCases).f1))")
        }
        return parts.joined(separator: "  ")
    }
}
