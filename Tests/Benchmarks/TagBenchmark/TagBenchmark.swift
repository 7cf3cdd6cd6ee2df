import ArgumentParser
import BenchmarkSupport
import EnricherCore
import Foundation
import ServiceCommandLine

/// Prints how fast the enricher tags articles on one core (cleaning, normalization, gazetteers,
/// rules, the trained tagger and linking, as `akhbar-enricher tag` does) and how much memory
/// the loaded gazetteers and model take.
@main
struct TagBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "akhbar-tag-benchmark",
        abstract: "Measure articles/s and MB/s of entity tagging, and the memory of the loaded tagger."
    )

    @Option(help: "Size of the generated corpus in MB (10^6 bytes of UTF-8).")
    var megabytes = 10

    @Option(help: "Timed passes; the best is reported.")
    var passes = 3

    @Option(help: "The folder of seed pages the corpus is built from.")
    var seeds = "Fixtures/seeds"

    func run() throws {
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
}
