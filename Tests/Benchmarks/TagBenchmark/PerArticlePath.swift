import ArticleCodec
import ArticleModel
import EntityTagging
import Foundation
import StorePort

/// The enricher service's work on one message, from its bytes to what the store is handed: decode, clean,
/// normalize, tag and index. Out of line under a name of its own, so that `scripts/bench-instructions.sh` counts
/// the instructions of this path alone (callgrind's `--toggle-collect`), without loading the model or building
/// the corpus.
enum PerArticlePath {
    /// Runs the path over every message; returns the number of entities found, so nothing is optimized away.
    @inline(never)
    static func run(messages: [[UInt8]], enricher: ArticleEnricher, now: Date) throws -> Int {
        var entities = 0
        for message in messages {
            let raw = try ArticleCodec.decodeRawArticle(message)
            entities += try enricher.enrichForIndexing(raw, now: now).entities.count
        }
        return entities
    }

    /// The first `count` corpus pages as the messages ingest publishes.
    static func messages(of pages: [String], count: Int, published: Date) throws -> [[UInt8]] {
        try pages.prefix(count).enumerated().map { index, page in
            try ArticleCodec.encode(
                RawArticle(id: "b-\(index)", body: page, publishedAt: published, ingestedAt: published))
        }
    }
}
