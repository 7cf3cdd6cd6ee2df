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
            var predictions = ""
            let clock = ContinuousClock()
            let started = clock.now
            for path in conll {
                let sentences = try CoNLLReader.read(contentsOf: URL(fileURLWithPath: path))
                let tagged = tagger.tag(sentences: sentences.map(\.tokens), propagatesNames: !noPropagation)
                for (sentence, predicted) in zip(sentences, tagged) {
                    score.add(gold: sentence.tags, predicted: predicted)
                    tokens += sentence.tokens.count
                    if writePredictions != nil {
                        for (index, token) in sentence.tokens.enumerated() {
                            predictions += "\(token) \(sentence.tags[index].label) \(predicted[index].label)\n"
                        }
                        predictions += "\n"
                    }
                }
            }
            let seconds = (clock.now - started) / .seconds(1)
            if let writePredictions {
                try predictions.write(toFile: writePredictions, atomically: true, encoding: .utf8)
            }
            print(ScoreTable.table(score))
            print("\n\(tokens) tokens read and tagged in \(String(format: "%.2f", seconds)) s")
        } catch {
            printToStandardError("akhbar-enricher eval: \(error)")
            throw ExitCode.failure
        }
    }
}
