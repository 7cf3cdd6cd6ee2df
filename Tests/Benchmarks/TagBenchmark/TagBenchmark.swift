import ArgumentParser
import BenchmarkSupport
import EntityTagging
import Foundation
import ServiceCommandLine

/// Prints how fast the enricher tags articles on one core (cleaning, normalization, gazetteers,
/// rules, the trained tagger and linking, as `akhbar-enricher tag` does) and how much memory
/// the loaded gazetteers and model take; with `--adversarial`, how tagging time grows with the
/// length of texts built to be hard (``AdversarialText``), up to the enricher's size limit.
@main
struct TagBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "akhbar-tag-benchmark",
        abstract: "Measure articles/s and MB/s of entity tagging, and the memory of the loaded tagger."
    )

    @Option(help: "Size of the generated corpus in MB (10^6 bytes of UTF-8).")
    var megabytes = 10

    /// Five: on this shared 2-core machine one pass in three can run 25% slow for reasons outside the process.
    @Option(help: "Timed passes; the best is reported.")
    var passes = 5

    @Option(help: "The folder of seed pages the corpus is built from.")
    var seeds = "Fixtures/seeds"

    @Flag(help: "Time adversarial texts of growing size instead, up to the enricher's size limit.")
    var adversarial = false

    @Option(
        help: """
            Run the enricher's per-article path (decode, clean, tag, index) once over this many articles and \
            print nothing timed: for scripts/bench-instructions.sh, which counts its instructions.
            """)
    var perArticlePath: Int?

    func run() throws {
        if adversarial { return try runAdversarial() }
        if let perArticlePath { return try runPerArticlePath(articles: perArticlePath) }
        let corpus = BenchmarkCorpus(seeds: try Measurement.seedPages(in: seeds), bytes: megabytes * 1_000_000)
        let bytes = corpus.byteCount
        let before = ResidentMemory.bytes() ?? 0
        let loadStart = ContinuousClock.now
        let enricher = try ArticleEnricher()
        let loadTime = loadStart.duration(to: .now)
        let loaded = (ResidentMemory.bytes() ?? 0) - before
        print(
            "corpus: \(corpus.pages.count) pages, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, "
                + "built from the pages in \(seeds)")
        print("loaded gazetteers and model: +\(loaded / 1_048_576) MB resident, in \(loadTime)")

        let published = Date(timeIntervalSince1970: 1_748_433_600)
        var entities = 0
        let seconds = Measurement.best(passes: passes) {
            entities = corpus.pages.reduce(0) {
                $0 + ((try? enricher.tag(text: $1, publishedAt: published))?.count ?? -1)
            }
            return entities
        }
        print(Measurement.throughputLine("tagging, one core", bytes: bytes, seconds: seconds))
        print(
            "  \(String(format: "%.0f", Double(corpus.pages.count) / seconds)) articles/s; "
                + "\(entities) entities per pass")
        print("peak RSS: \((ResidentMemory.peakBytes() ?? 0) / 1_048_576) MB")
    }

    private func runPerArticlePath(articles: Int) throws {
        let corpus = BenchmarkCorpus(seeds: try Measurement.seedPages(in: seeds), bytes: megabytes * 1_000_000)
        let published = Date(timeIntervalSince1970: 1_748_433_600)
        let messages = try PerArticlePath.messages(of: corpus.pages, count: articles, published: published)
        let bytes = messages.reduce(0) { $0 + $1.count }
        let entities = try PerArticlePath.run(messages: messages, enricher: try ArticleEnricher(), now: published)
        print("per-article path: \(messages.count) articles, \(bytes) bytes encoded, \(entities) entities")
    }

    /// Times each adversarial text at 100, 200, 400 … KB and at the enricher's limit, and shows
    /// that a text one scalar longer is refused.
    private func runAdversarial() throws {
        let enricher = try ArticleEnricher()
        let published = Date(timeIntervalSince1970: 1_748_433_600)
        let limit = ArticleEnricher.maximumScalars
        print("adversarial texts, one line each; best of \(passes) passes; limit \(limit) Unicode scalars")
        print("text                        size KB    scalars    seconds    µs/KB  entities")
        for shape in AdversarialText.allCases {
            var sizes = [100, 200, 400, 800, 1600, 3200].map { shape.text(bytes: $0 * 1000) }
            sizes.removeAll { $0.unicodeScalars.count > limit }
            sizes.append(shape.text(scalars: limit))
            for text in sizes {
                var entities = 0
                let seconds = Measurement.best(passes: passes) {
                    entities = (try? enricher.tag(text: text, publishedAt: published))?.count ?? -1
                    return entities
                }
                let kilobytes = Double(text.utf8.count) / 1000
                print(
                    shape.rawValue.padding(toLength: 24, withPad: " ", startingAt: 0)
                        + String(
                            format: "%11.0f %10d %10.3f %8.0f %9d", kilobytes, text.unicodeScalars.count, seconds,
                            seconds * 1e6 / kilobytes, entities))
            }
            let tooLong = shape.text(scalars: limit) + "."
            do {
                _ = try enricher.tag(text: tooLong, publishedAt: published)
                print("  \(tooLong.unicodeScalars.count) scalars: tagged, though above the limit")
            } catch {
                print("  \(tooLong.unicodeScalars.count) scalars: refused (\(error))")
            }
        }
        print("peak RSS: \((ResidentMemory.peakBytes() ?? 0) / 1_048_576) MB")
    }
}

/// Texts built to be hard for the tagger: one line, one unit repeated, each stressing a step
/// that once was quadratic in the text's length.
enum AdversarialText: String, CaseIterable {
    /// "خبر عن الرباط " again and again: a mention in every sentence, one entity.
    case repeatedSentence = "repeated name sentence"
    /// One word of letters without a space.
    case longWord = "one long word"
    /// Arabic, Latin and digits, spaced and glued, with capitalized names and acronyms.
    case mixedScripts = "mixed scripts"
    /// One place name repeated, nothing else (a million times is above the limit).
    case repeatedName = "one name repeated"
    /// People with made-up names after a title: as many entities as mentions.
    case distinctNames = "many distinct names"
    /// Dates and years after prepositions.
    case dates = "dates"
    /// Runs of 2,000 capitalized Latin words, each followed by a title.
    case latinRun = "capitalized Latin runs"

    /// The unit repeated until the text has `bytes` bytes of UTF-8.
    func text(bytes: Int) -> String {
        var text = ""
        var index = 0
        while text.utf8.count < bytes {
            text += unit(index)
            index += 1
        }
        return text
    }

    /// The unit repeated until the text has exactly `scalars` Unicode scalars.
    func text(scalars: Int) -> String {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars)
        var index = 0
        while result.count < scalars {
            result += unit(index).unicodeScalars.prefix(scalars - result.count)
            index += 1
        }
        var string = ""
        string.unicodeScalars.append(contentsOf: result)
        return string
    }

    /// The `index`-th piece of the text.
    private func unit(_ index: Int) -> String {
        switch self {
        case .repeatedSentence: return "خبر عن الرباط "
        case .longWord: return index == 0 ? "وبال" : "رباط"
        case .mixedScripts:
            let parts = [
                "الرباط", "Rabat", "2024", "FSB", "Hello", "World", "١٢٣", "المغرب", "xYz9", "الرباطRabat2024",
                "Ali-Baba", "15", "ماي",
            ]
            return parts[(index * 7 + index / 13) % parts.count] + " "
        case .repeatedName: return "الرباط "
        case .distinctNames: return "قال الرئيس " + Self.madeUpName(index) + " إن "
        case .dates: return "منذ 2010 وفي 15 ماي 2020 "
        case .latinRun: return index % 1000 == 999 ? "الرئيس " : "John Smith "
        }
    }

    /// Two words spelled from `number` in Arabic letters, different for every number.
    private static func madeUpName(_ number: Int) -> String {
        let letters = Array("بتثجحخدذرزسشصضطظعغفقكمنهي")
        func word(_ value: Int, length: Int) -> String {
            var value = value
            var word = ""
            for _ in 0..<length {
                word.append(letters[value % letters.count])
                value /= letters.count
            }
            return word
        }
        return word(number, length: 4) + " " + word(number &* 7 &+ 3, length: 5)
    }
}
