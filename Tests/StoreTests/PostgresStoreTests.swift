import ArticleModel
import Foundation
import Logging
import PostgresStore
import StorePort
import StoreTestSupport
import Testing

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
