import ArgumentParser
import ArticleModel
import BenchmarkSupport
import EntityTagging
import Foundation
import Logging
import PostgresStore
import SQLiteStore
import ServiceCommandLine
import StorePort

/// Prints how fast a store saves enriched articles as the enricher service does: batches in one transaction each,
/// with the batch's handled messages and consumed offsets, into a fresh SQLite file or a fresh PostgreSQL schema.
@main
struct StoreBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "akhbar-store-benchmark",
        abstract: "Measure articles/s and ms per article of saving enriched articles to a fresh store."
    )

    @Option(help: "Articles to save, enriched from pages built out of the seeds.")
    var articles = 3_000

    @Option(help: "Articles per batch, as the enricher's --batch-size.")
    var batchSize = 50

    @Option(help: "The folder of seed pages the articles are built from.")
    var seeds = "Fixtures/seeds"

    @Option(
        help: """
            A PostgreSQL server to measure instead of SQLite (postgres://USER@HOST:PORT/DB, password in PGPASSWORD); \
            the benchmark writes into a new schema of its own, which it names and leaves for inspection.
            """)
    var store: String?

    func run() async throws {
        let enriched = try enrichedArticles()
        let indexingStarted = ContinuousClock.now
        let indexed = enriched.map(IndexedArticle.init)
        let indexing = (ContinuousClock.now - indexingStarted) / .seconds(1)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-store-bench-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = "bench_\(UInt32.random(in: 0...UInt32.max))"
        let store: any ArticleStore =
            if let address = self.store {
                try await PostgresArticleStore(
                    configuration: try PostgresStoreConfiguration(
                        address: address + (address.contains("?") ? "&" : "?") + "schema=\(schema)"),
                    logger: Logger(label: "akhbar.store-benchmark"))
            } else {
                try SQLiteArticleStore(path: directory.appendingPathComponent("store.sqlite").path)
            }

        let entities = enriched.reduce(0) { $0 + $1.entities.count }
        print(
            "\(self.store == nil ? "SQLite" : "PostgreSQL (schema \(schema))"): \(enriched.count) articles, "
                + "\(entities) entities, batches of \(batchSize)")
        print(
            "indexing (search terms, alias keys), done by the enricher: \(String(format: "%.2f", indexing * 1000 / Double(enriched.count))) ms per article"
        )
        let started = ContinuousClock.now
        let processorStarted = Measurement.processorSeconds()
        var offset: Int64 = 0
        for batch in stride(from: 0, to: enriched.count, by: batchSize) {
            let part = Array(indexed[batch..<min(batch + batchSize, indexed.count)])
            let handled = part.map { _ in
                offset += 1
                return HandledMessage(
                    position: MessagePosition(topic: "bench", partition: 0, offset: offset), digest: offset,
                    outcome: .stored)
            }
            try await store.save(
                part, handled: handled,
                consumed: [MessagePosition(topic: "bench", partition: 0, offset: offset + 1)], group: "bench")
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        let processorSeconds = Measurement.processorSeconds() - processorStarted
        print(
            "saving: \(String(format: "%.0f", Double(enriched.count) / seconds)) articles/s, "
                + "\(String(format: "%.2f", seconds * 1000 / Double(enriched.count))) ms per article "
                + "(\(String(format: "%.1f", seconds)) s)")
        // Processor time does not count waits for a core that another process holds, so it compares changes better.
        print(
            "processor time while saving: "
                + "\(String(format: "%.2f", processorSeconds * 1000 / Double(enriched.count))) ms per article "
                + "(this process's threads, kernel included)")
        print("peak RSS: \((ResidentMemory.peakBytes() ?? 0) / 1_048_576) MB")
    }

    /// Articles enriched from benchmark pages, each with its own id and a publication day in 2025.
    private func enrichedArticles() throws -> [EnrichedArticle] {
        let enricher = try ArticleEnricher()
        var pages: [String] = []
        var bytes = 1_000_000
        while pages.count < articles {
            pages = BenchmarkCorpus(seeds: try Measurement.seedPages(in: seeds), bytes: bytes).pages
            bytes *= 2
        }
        let day = Date(timeIntervalSince1970: 1_735_689_600)
        return try pages.prefix(articles).enumerated().map { index, page in
            let published = day.addingTimeInterval(Double(index % 365) * 86_400)
            let raw = RawArticle(
                id: "bench-\(index)", source: "bench", body: page, publishedAt: published, ingestedAt: published)
            return try enricher.enrich(raw, now: published)
        }
    }
}
