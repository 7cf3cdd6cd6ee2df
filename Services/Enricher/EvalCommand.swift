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

    func validate() throws {
        guard !conll.isEmpty else { throw ValidationError("give at least one --conll file") }
    }

    func run() async throws {
        do {
            let loaded =
                try model.map { path throws(NERModelError) in
                    try NERModel.load(from: URL(fileURLWithPath: path))
                } ?? NERModel.bundled()
            let tagger = try NERTagger(model: loaded)
            if !tagger.matchesGazetteers {
                printToStandardError("akhbar-enricher eval: the model was trained with other gazetteer data")
            }
            var score = EntityScore<NERType>()
            var tokens = 0
            let clock = ContinuousClock()
            let started = clock.now
            for path in conll {
                for sentence in try CoNLLReader.read(contentsOf: URL(fileURLWithPath: path)) {
                    score.add(gold: sentence.tags, predicted: tagger.tag(sentence.tokens))
                    tokens += sentence.tokens.count
                }
            }
            let seconds = (clock.now - started) / .seconds(1)
            print(ScoreTable.table(score))
            print("\n\(tokens) tokens read and tagged in \(String(format: "%.2f", seconds)) s")
        } catch {
            printToStandardError("akhbar-enricher eval: \(error)")
            throw ExitCode.failure
        }
    }
}
