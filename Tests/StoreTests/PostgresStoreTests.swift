import ArticleModel
import Foundation
import Logging
import PostgresNIO
import StorePort
import StoreTestSupport
import Testing

@testable import PostgresStore

/// What only the PostgreSQL backend meets: a server that is away or refuses, and writers on many hosts.
@Suite("PostgreSQL store", .enabled(if: StoreBackend.postgresAddress != nil, "needs AKHBAR_TEST_POSTGRES"))
struct PostgresStoreTests {
    private let fixtures = ArticleStoreConformanceTests()

    private static var address: String { StoreBackend.postgresAddress ?? "" }

    @Test("a server that is not there: one clear .unavailable error naming the address, not the pool's retries")
    func serverDown() async throws {
        // Port 1 on loopback: nothing listens there.
        let configuration = try PostgresStoreConfiguration(address: "postgres://akhbar@127.0.0.1:1/akhbar")
        await #expect {
            _ = try await PostgresArticleStore(configuration: configuration, logger: .init(label: "test"))
        } throws: { error in
            (error as? StoreError)?.code == .unavailable && "\(error)".contains("127.0.0.1:1")
        }
    }

    @Test("a wrong password: .authentication, and the message holds no password")
    func wrongPassword() async throws {
        let secret = "not-the-password-\(UUID())"
        let configuration = try PostgresStoreConfiguration(
            address: Self.address, environment: ["PGPASSWORD": secret])
        await #expect {
            _ = try await PostgresArticleStore(configuration: configuration, logger: .init(label: "test"))
        } throws: { error in
            (error as? StoreError)?.code == .authentication && !"\(error)".contains(secret)
        }
    }

    @Test("an address with a password in it is refused before any connection")
    func passwordInAddress() throws {
        #expect(throws: StoreError(.cannotOpen, "")) {
            try PostgresStoreConfiguration(address: "postgres://akhbar:secret@127.0.0.1:5432/akhbar")
        }
        #expect(throws: StoreError(.cannotOpen, "")) {
            try PostgresStoreConfiguration(address: "postgres://akhbar@127.0.0.1:5432/akhbar?sslmode=sometimes")
        }
    }

    @Test("eight enrichers starting at once on a new schema apply each migration exactly once")
    func concurrentMigrations() async throws {
        try await StoreBackend.postgres.withLocation { location in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask { _ = try await location.open() }
                }
                try await group.waitForAll()
            }
            let store = try await location.open()
            try await store.save([fixtures.article("after")])
            #expect(try await store.articleCount() == 1)
        }
    }

    @Test("three writers saving batches that share entities and messages: counts right, each article written once")
    func concurrentWriters() async throws {
        try await StoreBackend.postgres.withLocation { location in
            let writers = 3
            let batches = 10
            let perBatch = 20
            // Every writer stores the same articles in a shifted order, as members overlapping in a rebalance do:
            // each article's message is recorded with it, so only the first write counts.
            func batch(_ index: Int, shift: Int) -> ([EnrichedArticle], [HandledMessage]) {
                let ids = (0..<perBatch).map { ((index + shift) % batches) * perBatch + $0 }
                let articles = ids.map { id in
                    fixtures.article(
                        "a\(id)",
                        entities: fixtures.article("x").entities + [fixtures.moscow(at: 30)])
                }
                let handled = ids.map {
                    HandledMessage(
                        position: MessagePosition(topic: "t", partition: 0, offset: Int64($0)), digest: Int64($0),
                        outcome: .stored)
                }
                return (articles, handled)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        let store = try await location.open()
                        for index in 0..<batches {
                            let (articles, handled) = batch(index, shift: writer * 3)
                            try await Self.retryingWhileLocked {
                                try await store.save(articles, handled: handled, consumed: [], group: "g")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let store = try await location.open()
            let total = batches * perBatch
            let writes = try await store.writeCounts()
            #expect(writes.count == total && writes.values.allSatisfy { $0 == 1 })
            let entities = try await store.entities(limit: 10).items
            #expect(entities.count == 3)
            #expect(entities.allSatisfy { $0.articleCount == total }, "\(entities.map(\.articleCount))")
            let stats = try await store.stats()
            #expect(stats.articles == total && stats.mentions == 3 * total)
        }
    }

    @Test("from its first 1,000 saved articles the store gathers the planner's statistics of every table searched")
    func gathersStatistics() async throws {
        try await StoreBackend.postgres.withLocation { location in
            let store = try #require(try await location.open() as? PostgresArticleStore)
            let articles = (0..<StatisticsSchedule.minimum).map { fixtures.article("a\($0)") }
            for start in stride(from: 0, to: articles.count, by: 250) {
                try await store.save(Array(articles[start..<start + 250]))
            }
            // Without them, a search filtered by entity type was planned over every entity link (0.87 s on 100,000
            // articles instead of 2 ms). The refresh runs in the background, so wait for it, within a deadline.
            let searched: Set = [
                "articles", "article_terms", "article_entities", "entities", "entity_aliases", "mentions",
            ]
            let logger = store.logger
            var analysed: Set<String> = []
            let deadline = ContinuousClock.now + .seconds(60)
            while !analysed.isSuperset(of: searched) && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
                analysed = try await store.read { connection in
                    var names: Set<String> = []
                    let rows = try await connection.query(
                        """
                        SELECT relname::text FROM pg_stat_user_tables
                        WHERE schemaname = current_schema() AND last_analyze IS NOT NULL
                        """, logger: logger)
                    for try await name in rows.decode(String.self) { names.insert(name) }
                    return names
                }
            }
            #expect(analysed.isSuperset(of: searched), "analysed only \(analysed.sorted())")
        }
    }

    /// Runs `write` again after `.locked` (a deadlock the server broke), as the enricher does.
    private static func retryingWhileLocked(_ write: () async throws -> Void) async throws {
        for attempt in 1...20 {
            do {
                return try await write()
            } catch let error as StoreError where error.code == .locked && attempt < 20 {
                try await Task.sleep(for: .milliseconds(20 * attempt))
            }
        }
    }
}

/// The window a ranked search ranks, found both ways PostgreSQL can find it.
@Suite("PostgreSQL relevance window", .enabled(if: StoreBackend.postgresAddress != nil, "needs AKHBAR_TEST_POSTGRES"))
struct RelevanceWindowTests {
    private let fixtures = ArticleStoreConformanceTests()

    @Test("the term index, whole or in a slice, and the walk give the same window in the same order, ties included")
    func sameWindow() async throws {
        try await StoreBackend.postgres.withLocation { location in
            let store = try #require(try await location.open() as? PostgresArticleStore)
            // Ten matches newer than the rest, which share one time: the window's oldest end falls inside that tie.
            // One body in three says the word more often, so ranks differ and tie too.
            let articles = (0..<(ArticleSearch.relevanceWindow + 10)).map { index in
                var article = fixtures.article("a\(index)")
                article.publishedAt = Date(timeIntervalSince1970: 1_700_000_000 + Double(max(0, index - 999)))
                article.body += String(repeating: " فيينا", count: index % 3)
                return article
            }
            for start in stride(from: 0, to: articles.count, by: 250) {
                try await store.save(Array(articles[start..<min(start + 250, articles.count)]))
            }

            func ranked(_ window: RelevanceWindow) async throws -> (ids: [String], windowSize: Int) {
                let plan = try SearchPlan(
                    ArticleSearch(text: "فيينا", order: .relevance), after: nil, limit: articles.count,
                    relevanceWindow: window)
                let logger = store.logger
                return try await store.read { connection in
                    var (ids, windowSize) = ([String](), 0)
                    for try await (id, _, _, size) in try await connection.query(plan.query, logger: logger)
                        .decode((String, Int64, Float, Int64).self)
                    {
                        ids.append(id)
                        windowSize = Int(size)
                    }
                    return (ids, windowSize)
                }
            }
            let walked = try await ranked(.walk)
            #expect(walked.ids.count == ArticleSearch.relevanceWindow)
            #expect(walked.windowSize == ArticleSearch.relevanceWindow)
            #expect(Set(walked.ids).isSuperset(of: (1000..<1010).map { "a\($0)" }))
            #expect(try await ranked(.termIndex(since: nil)).ids == walked.ids, "the two windows differ")
            // A slice from the tie holds the whole window; a slice from the tenth newest does not, and says so.
            let tie = SortKey.of(articles[0].publishedAt)
            #expect(try await ranked(.termIndex(since: tie)).ids == walked.ids, "the slice changed the window")
            let tenthNewest = SortKey.of(articles[1000].publishedAt)
            #expect(try await ranked(.termIndex(since: tenthNewest)).windowSize == 10)
            // The store reads such a window again, whole.
            let search = ArticleSearch(text: "فيينا", order: .relevance)
            // Every article matches, so the planner's estimates, once gathered, choose the walk.
            let logger = store.logger
            let chosen = try await store.read { connection in
                try await connection.query("ANALYZE articles", logger: logger)
                return try await RelevanceWindow.cheapest(for: ["فيينا"], in: search, on: connection, logger: logger)
            }
            #expect(chosen == .walk)
            let cut = try await store.searchArticles(
                search, after: nil, limit: 20, relevanceWindow: .termIndex(since: tenthNewest))
            let whole = try await store.searchArticles(search, after: nil, limit: 20, relevanceWindow: .walk)
            #expect(cut.items.map(\.id) == whole.items.map(\.id))
        }
    }

    @Test("the walk for common words, the term index for the others")
    func choice() {
        // 100,000 articles: a word in 77% of them, in 7.5%, in 2.5%, in 59.
        #expect(RelevanceWindow.cheapest(matches: 77_000, articles: 100_000, window: 1_000) == .walk)
        let share = RelevanceWindow.cheapest(matches: 7_555, articles: 100_000, window: 1_000)
        #expect(share == .termIndexInNewest(share: 2_000.0 / 7_555))
        #expect(RelevanceWindow.cheapest(matches: 2_500, articles: 100_000, window: 1_000) == .termIndex)
        #expect(RelevanceWindow.cheapest(matches: 59, articles: 100_000, window: 1_000) == .termIndex)
    }

    @Test("a slice starts at the histogram bound below its share of the articles")
    func sliceStart() {
        let histogram: [Int64] = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
        #expect(RelevanceWindow.sliceStart(histogram: histogram, share: 0.25) == 70)
        #expect(RelevanceWindow.sliceStart(histogram: histogram, share: 0.3) == 70)
        #expect(RelevanceWindow.sliceStart(histogram: [], share: 0.25) == nil)
    }
}
