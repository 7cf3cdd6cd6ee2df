import ArgumentParser
import ArticleModel
import EnricherCore
import EntityTagging
import Foundation
import ServiceCommandLine
import TaggerTools

/// Scores entity tagging: the statistical tagger on CoNLL corpora, or the whole enricher on
/// hand-made gold for whole articles.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score entity tagging: --conll files (statistical tagger, conlleval) or --articles gold.",
        discussion: """
            --conll: entity-level exact span and type, as conlleval, per type and micro-averaged, next to \
            published figures. --articles: one JSON object per article (file, published_at, entities with \
            type, canonical, surfaces and a value for dates); each file under --pages is tagged as \
            `akhbar-enricher tag` does and scored per type, with coreference and date values.
            """
    )

    @Option(parsing: .upToNextOption, help: "Annotated corpora (token<TAB>tag).")
    var conll: [String] = []

    @Option(help: "Gold entities of whole articles, as JSON Lines.")
    var articles: String?

    @Option(help: "The folder holding the pages named in --articles.")
    var pages = "Fixtures/seeds"

    @Option(help: "A model file; the bundled model when omitted.")
    var model: String?

    @Flag(help: "With --conll, score the whole enricher (gazetteers, rules, trained tagger; it has no MISC).")
    var enricher = false

    @Flag(help: "With --conll, cut the corpus into articles of 25 sentences and score the enricher per article.")
    var asArticles = false

    @Flag(help: "Tag each sentence on its own, without tagging the repeated mentions of names nearby.")
    var noPropagation = false

    @Option(help: "Also write token, gold tag and predicted tag per line, the input of conlleval.pl.")
    var writePredictions: String?

    func validate() throws {
        guard !conll.isEmpty || articles != nil else { throw ValidationError("give --conll files or --articles") }
    }

    func run() async throws {
        if let articles { try evaluateArticles(gold: articles) }
        if !conll.isEmpty { try asArticles ? evaluateCoNLLArticles() : evaluateCoNLL() }
    }

    /// The enricher on CoNLL text cut into articles, scored by type and surface as on article gold.
    private func evaluateCoNLLArticles() throws {
        do {
            let enricher = try ArticleEnricher()
            var evaluation = ArticleEntityEvaluation()
            for path in conll {
                let sentences = try CoNLLReader.read(contentsOf: URL(fileURLWithPath: path))
                for article in CoNLLArticle.articles(from: sentences) {
                    // The corpora annotate no dates; the enricher's would all count as spurious.
                    let entities = try enricher.tag(cleanLines: article.text, publishedAt: nil).filter {
                        $0.type != .date
                    }
                    evaluation.add(gold: article.gold, predicted: entities)
                }
            }
            print(ArticleEvaluationReport.text(evaluation, listingFindings: false))
        } catch {
            printToStandardError("akhbar-enricher eval: \(error)")
            throw ExitCode.failure
        }
    }

    private func evaluateArticles(gold path: String) throws {
        do {
            let enricher = try ArticleEnricher()
            var evaluation = ArticleEntityEvaluation()
            for article in try ArticleGold.parse(jsonLines: try TextFile.read(path)) {
                let page = try TextFile.read(URL(fileURLWithPath: pages).appendingPathComponent(article.file).path)
                evaluation.add(
                    gold: article, predicted: try enricher.tag(text: page, publishedAt: article.publicationDate))
            }
            print(ArticleEvaluationReport.text(evaluation))
        } catch {
            printToStandardError("akhbar-enricher eval: \(error)")
            throw ExitCode.failure
        }
    }

    private func evaluateCoNLL() throws {
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
            let whole = try enricher ? EnricherBIOTagging(enricher: ArticleEnricher()) : nil
            let tagged = try corpora.map { corpus in
                try whole?.tags(for: corpus.map(\.tokens))
                    ?? tagger.tag(sentences: corpus.map(\.tokens), propagatesNames: !noPropagation)
            }
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
            print(ScoreTable.table(score, benchmark: Benchmark(paths: conll)))
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
