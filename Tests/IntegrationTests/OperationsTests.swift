import ArticleModel
import EnricherCore
import Foundation
import Kafka
import SQLiteStore
import StorePort
import StoreTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The enricher as users run it: several real processes in one group, killed, stopped with
/// SIGTERM, replayed; every check reads the real SQLite file. `write_count` says how many times
/// each article was stored, so "exactly once" is checked directly, not inferred from row counts.
@Suite(
    "Operations", .serialized, .enabled(if: BrokerFixture.isAvailable, "needs AKHBAR_TEST_BROKERS"),
    .timeLimit(.minutes(10)))
struct OperationsTests {
    /// Short generated articles with distinct ids, as one JSONL file.
    static func writeArticles(_ count: Int, idPrefix: String = "a") throws -> URL {
        let places = ["الرباط", "موسكو", "فيينا", "باريس", "القاهرة", "الدوحة"]
        let lines = (0..<count).map { index in
            let body =
                "زار عبد اللطيف حموشي \(places[index % places.count]) يوم \(index % 28 + 1) ماي 2025 في المهمة \(index)."
            return #"{"id": "\#(idPrefix)\#(index)", "body": "\#(body)", "published_at": "2025-05-28"}"#
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-it-\(UUID()).jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static func ingest(_ file: URL, topic: String) async throws {
        let ingest = try ServiceProcess(
            "akhbar-ingest", ["--brokers", BrokerFixture.brokers ?? "", "--topic", topic, file.path])
        let status = await ingest.waitForExit(timeout: .seconds(120))
        #expect(status == 0, "akhbar-ingest: \(ingest.printed)")
    }

    static func enricher(
        _ command: String = "run", topic: String, group: String, store: StoreLocation, untilIdle: Int = 10,
        _ extra: [String] = []
    ) throws -> ServiceProcess {
        try ServiceProcess(
            "akhbar-enricher",
            [command, "--brokers", BrokerFixture.brokers ?? "", "--topic", topic, "--group", group] + store.arguments
                + ["--until-idle", String(untilIdle), "--batch-size", "50", "--batch-interval-ms", "200"] + extra)
    }

    /// A topic with `count` generated articles ingested, an empty store of `backend` and a group name for `body`.
    static func withIngested(
        _ count: Int, partitions: Int32, backend: StoreBackend = .sqlite,
        _ body: (String, StoreLocation, String, Int) async throws -> Void
    ) async throws {
        try await BrokerFixture.withTopic(partitions: partitions) { topic in
            try await backend.withLocation { store in
                try await ingest(try writeArticles(count), topic: topic)
                try await body(topic, store, BrokerFixture.uniqueName("g"), count)
            }
        }
    }

    /// Waits until the store holds at least `count` articles.
    static func waitForRows(_ count: Int, in store: StoreLocation, timeout: Duration = .seconds(120)) async throws {
        let deadline = ContinuousClock.now + timeout
        // Opened once the enricher created it: a reader must not create a SQLite file first.
        var reader: (any ArticleStore)?
        while ContinuousClock.now < deadline {
            if reader == nil, store.sqlitePath.map(FileManager.default.fileExists) ?? true {
                reader = try? await store.open()
            }
            if let reader, (try? await reader.articleCount()) ?? 0 >= count { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the store did not reach \(count) articles")
    }

    @Test(
        "3 enrichers share 6 partitions; one killed mid-stream, the others take over; every article stored once",
        arguments: StoreBackend.all)
    func scaleOutAndKill(backend: StoreBackend) async throws {
        try await Self.withIngested(1_500, partitions: 6, backend: backend) { topic, db, group, count in
            let enrichers = try (0..<3).map { _ in try Self.enricher(topic: topic, group: group, store: db) }
            try await Self.waitForRows(200, in: db)
            enrichers[0].kill()
            for enricher in enrichers.dropFirst() {
                let status = await enricher.waitForExit(timeout: .seconds(240))
                #expect(status == 0, "\(enricher.printed.suffix(2_000))")
            }
            let writes = try await db.open().writeCounts()
            #expect(writes.count == count)
            #expect(writes.values.allSatisfy { $0 == 1 }, "stored twice: \(writes.filter { $0.value > 1 }.count)")
            let survivors = enrichers.dropFirst().compactMap(\.summary)
            #expect(survivors.count == 2)
            #expect(survivors.allSatisfy { $0["stored", default: 0] > 0 })
        }
    }

    @Test(
        "kill -9 at random moments 5 times over 3,000 articles, restarting each time: every article stored once",
        arguments: StoreBackend.all)
    func crashesLoseAndDuplicateNothing(backend: StoreBackend) async throws {
        try await Self.withIngested(3_000, partitions: 2, backend: backend) { topic, db, group, count in
            var generator = SystemRandomNumberGenerator()
            var stored = 0
            for crash in 1...5 {
                let enricher = try Self.enricher(topic: topic, group: group, store: db)
                // Die only once the member works, at a random point of its work.
                try await Self.waitForRows(min(count, stored + 50), in: db)
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...1_500, using: &generator)))
                enricher.kill()
                _ = await enricher.waitForExit(timeout: .seconds(10))
                stored = try await db.open().articleCount()
                print("crash \(crash): \(stored) articles stored")
            }
            let last = try Self.enricher(topic: topic, group: group, store: db)
            let status = await last.waitForExit(timeout: .seconds(300))
            #expect(status == 0, "\(last.printed.suffix(2_000))")
            print("after 5 crashes, the last run: \(last.summary ?? [:])")
            let writes = try await db.open().writeCounts()
            #expect(writes.count == count)
            #expect(writes.values.allSatisfy { $0 == 1 }, "stored twice: \(writes.filter { $0.value > 1 }.count)")
        }
    }

    @Test(
        "messages a batch stored before a crash lost its Kafka commit are read again but skipped, not stored",
        arguments: StoreBackend.all)
    func storedButUncommittedIsSkipped(backend: StoreBackend) async throws {
        try await Self.withIngested(200, partitions: 1, backend: backend) { topic, db, group, count in
            // As a crash leaves it: the store holds the first 80 messages' batch, Kafka has no commit.
            let batch = try await TopicReader.read(topic: topic, count: 80)
            try await db.open().save(
                [], handled: batch.prefix(80).map { HandledMessage($0, outcome: .stored) },
                consumed: [MessagePosition(topic: topic, partition: 0, offset: 80)], group: group)
            let enricher = try Self.enricher(topic: topic, group: group, store: db, untilIdle: 5)
            #expect(await enricher.waitForExit(timeout: .seconds(120)) == 0)
            let summary = try #require(enricher.summary)
            #expect(summary["consumed"] == count && summary["skipped"] == 80 && summary["stored"] == count - 80)
        }
    }

    @Test("SIGTERM: exit 0 within 15 s with the batch stored and committed; a restart reads only the rest")
    func sigtermCommitsAndLeaves() async throws {
        try await Self.withIngested(1_000, partitions: 2) { topic, db, group, count in
            let first = try Self.enricher(topic: topic, group: group, store: db)
            try await Self.waitForRows(100, in: db)
            first.terminate()
            let status = await first.waitForExit(timeout: .seconds(15))
            #expect(status == 0, "\(first.printed.suffix(2_000))")
            let firstConsumed = try #require(first.summary?["consumed"])
            #expect(try await db.open().articleCount() == firstConsumed)

            let second = try Self.enricher(topic: topic, group: group, store: db, untilIdle: 5)
            #expect(await second.waitForExit(timeout: .seconds(240)) == 0)
            let secondCounts = try #require(second.summary)
            #expect(secondCounts["consumed"] == count - firstConsumed)
            #expect(secondCounts["skipped"] == 0)
            let writes = try await db.open().writeCounts()
            #expect(writes.count == count && writes.values.allSatisfy { $0 == 1 })
        }
    }

    @Test(
        "replay from earliest with a changed gazetteer: every row gets the new version and entity, no new rows",
        arguments: StoreBackend.all)
    func replayAppliesTheNewEnrichment(backend: StoreBackend) async throws {
        try await BrokerFixture.withTopic(partitions: 2) { topic in
            try await backend.withLocation { db in
                let count = 40
                let body = "وصل الوفد إلى كوكتاميرا صباح الخميس."
                let lines = (0..<count).map {
                    #"{"id": "r\#($0)", "body": "\#(body) \#($0)", "published_at": "2025-05-28"}"#
                }
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-it-\(UUID()).jsonl")
                try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
                try await Self.ingest(file, topic: topic)
                let group = BrokerFixture.uniqueName("g")
                let first = try Self.enricher(topic: topic, group: group, store: db, untilIdle: 5)
                #expect(await first.waitForExit(timeout: .seconds(120)) == 0)
                let before = try await db.open().articles()
                #expect(before.count == count)
                let canonical = "جمهورية كوكتاميرا"
                #expect(!before.contains { $0.entities.contains { $0.canonical == canonical } })

                // An operator's copy of the gazetteers with one more place.
                let gazetteers = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-it-\(UUID())")
                defer { try? FileManager.default.removeItem(at: gazetteers) }
                let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().appendingPathComponent("Services/EntityTagging/Resources/Gazetteers")
                try FileManager.default.copyItem(at: bundled, to: gazetteers)
                let locations = gazetteers.appendingPathComponent("locations.tsv")
                let handle = try FileHandle(forWritingTo: locations)
                try handle.seekToEnd()
                try handle.write(contentsOf: Data("\n\(canonical)\tLOCATION\tكوكتاميرا\n".utf8))
                try handle.close()

                let replay = try Self.enricher(
                    "replay", topic: topic, group: group, store: db, untilIdle: 5,
                    ["--from", "earliest", "--gazetteers", gazetteers.path])
                #expect(await replay.waitForExit(timeout: .seconds(120)) == 0, "\(replay.printed.suffix(2_000))")
                #expect(replay.summary?["stored"] == count)
                let after = try await db.open().articles()
                #expect(after.count == count)
                #expect(Set(after.map(\.enrichmentVersion)).count == 1)
                #expect(after[0].enrichmentVersion != before[0].enrichmentVersion)
                #expect(after.allSatisfy { article in article.entities.contains { $0.canonical == canonical } })
                #expect(
                    zip(after.sorted { $0.articleID < $1.articleID }, before.sorted { $0.articleID < $1.articleID })
                        .allSatisfy { $0.enrichedAt > $1.enrichedAt })
                #expect(try await db.open().writeCounts().values.allSatisfy { $0 == 2 })
            }
        }
    }

    @Test("--metrics-port: /health and /ready answer, and /metrics shows the counters and the lag moving")
    func metricsMoveDuringARun() async throws {
        try await BrokerFixture.withTopic(partitions: 2) { topic in
            try await withTemporarySQLitePath { db in
                let count = 1_000
                try await Self.ingest(try Self.writeArticles(count), topic: topic)
                let port = Int.random(in: 20_000...30_000)
                let enricher = try Self.enricher(
                    topic: topic, group: BrokerFixture.uniqueName("g"), store: .sqlite(db),
                    ["--metrics-port", String(port)])
                func get(_ path: String) async throws -> (Int, String) {
                    let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
                    let (data, response) = try await URLSession.shared.data(from: url)
                    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
                }
                func sample(_ text: String, _ name: String) -> Double? {
                    text.split(separator: "\n").first { $0.hasPrefix(name + " ") || $0.hasPrefix(name + "{") }
                        .flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
                }
                try await Self.waitForRows(100, in: .sqlite(db))
                #expect(try await get("/health").0 == 200)
                #expect(try await get("/ready").0 == 200)
                let first = try await get("/metrics").1
                try await Self.waitForRows(400, in: .sqlite(db))
                let second = try await get("/metrics").1
                let consumed = (
                    sample(first, "akhbar_enricher_consumed_total"), sample(second, "akhbar_enricher_consumed_total")
                )
                #expect((consumed.0 ?? 0) > 0 && (consumed.1 ?? 0) > (consumed.0 ?? 0))
                #expect((sample(second, "akhbar_enricher_stored_total") ?? 0) >= 400)
                #expect(sample(first, "akhbar_enricher_lag_messages") != nil)
                #expect(second.contains("akhbar_enricher_batch_latency_seconds_bucket"))
                #expect(second.contains("akhbar_enricher_enrichment_seconds_count"))
                enricher.terminate()
                #expect(await enricher.waitForExit(timeout: .seconds(15)) == 0)
            }
        }
    }
}
