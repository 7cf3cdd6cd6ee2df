import ArgumentParser
import EnricherCore
import Foundation
import ServiceCommandLine

/// Scores the statistical entity tagger on annotated corpora.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the statistical entity tagger on CoNLL files: entity-level exact match, as conlleval."
    )

    @Option(parsing: .upToNextOption, help: "Annotated corpora (token<TAB>tag).")
    var conll: [String]

    @Option(help: "A model file; the bundled model when omitted.")
    var model: String?

    @Flag(help: "Tag each sentence on its own, without tagging the repeated mentions of names nearby.")
    var noPropagation = false

    @Option(help: "Also write token, gold tag and predicted tag per line, the input of conlleval.pl.")
    var writePredictions: String?

    func validate() throws {
        guard !conll.isEmpty else { throw ValidationError("give at least one --conll file") }
    }

    func run() async throws {
        do {
            let corpora = try conll.map { path throws(CoNLLError) in
                try CoNLLReader.read(contentsOf: URL(fileURLWithPath: path))
            }
            let clock = ContinuousClock()
            let residentBefore = ResidentMemory.bytes()
            let loadStarted = clock.now
            let loaded =
                try model.map { path throws(NERModelError) in
                    try NERModel.load(from: URL(fileURLWithPath: path))
                } ?? NERModel.bundled()
            let tagger = try NERTagger(model: loaded)
            let loadSeconds = (clock.now - loadStarted) / .seconds(1)
            let residentAfter = ResidentMemory.bytes()
            if !tagger.matchesGazetteers {
                printToStandardError("akhbar-enricher eval: the model was trained with other gazetteer data")
            }

            let tagStarted = clock.now
            let tagged = corpora.map { tagger.tag(sentences: $0.map(\.tokens), propagatesNames: !noPropagation) }
            let tagSeconds = (clock.now - tagStarted) / .seconds(1)

            var score = EntityScore<NERType>()
            var predictions = ""
            for (sentences, tags) in zip(corpora, tagged) {
                for (sentence, predicted) in zip(sentences, tags) {
                    score.add(gold: sentence.tags, predicted: predicted)
                    guard writePredictions != nil else { continue }
                    for (index, token) in sentence.tokens.enumerated() {
                        predictions += "\(token) \(sentence.tags[index].label) \(predicted[index].label)\n"
                    }
                    predictions += "\n"
                }
            }
            if let writePredictions {
                try predictions.write(toFile: writePredictions, atomically: true, encoding: .utf8)
            }
            print(ScoreTable.table(score))
            let tokens = corpora.joined().reduce(0) { $0 + $1.tokens.count }
            var memory = ""
            if let residentBefore, let residentAfter {
                memory = ", +\((residentAfter - residentBefore) / 1_048_576) MiB resident"
            }
            print(
                "\n\(loaded.featureCount) features; model and gazetteers loaded in "
                    + String(format: "%.2f s", loadSeconds) + memory
            )
            print(
                "\(tokens) tokens tagged in " + String(format: "%.2f s", tagSeconds) + " ("
                    + String(format: "%.0f", Double(tokens) / max(tagSeconds, 1e-9)) + " tokens/s)"
            )
        } catch {
            printToStandardError("akhbar-enricher eval: \(error)")
            throw ExitCode.failure
        }
    }
}
