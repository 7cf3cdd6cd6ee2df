import ArticleCodec
import ArticleModel
import EnricherCore
import EntityTagging
import FixtureFiles
import Foundation
import IngestCore
import Kafka
import SQLiteStore
import StorePort
import Testing

/// ingest → real broker → enricher → real SQLite file, through the same library code the two
/// executables run.
@Suite(
    "Pipeline", .serialized, .enabled(if: BrokerFixture.isAvailable, "needs AKHBAR_TEST_BROKERS"),
    .timeLimit(.minutes(5)))
struct PipelineTests {
    /// The five seeds as files plus generated variants with distinct ids, as one JSONL file.
    private static func writeInput(variants: Int, into directory: URL) throws -> Int {
        let seeds = try FixtureFiles.seedFiles()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var lines: [String] = []
        for index in 0..<variants {
            let seed = try String(contentsOf: seeds[index % seeds.count], encoding: .utf8)
            let line: [String: String] = [
                "id": "generated-\(index)",
                "source": "generated",
                "published_at": "2025-05-\(10 + index % 18)",
                "body": "نسخة \(index)\n" + seed,
            ]
            let data = try JSONSerialization.data(withJSONObject: line)
            lines.append(String(decoding: data, as: UTF8.self))
        }
        try lines.joined(separator: "\n").write(
            to: directory.appendingPathComponent("generated.jsonl"), atomically: true, encoding: .utf8)
        for seed in seeds {
            try FileManager.default.copyItem(at: seed, to: directory.appendingPathComponent(seed.lastPathComponent))
        }
        return variants + seeds.count
    }

    private static func ingest(_ directory: URL, topic: String) async throws -> IngestSummary {
        let producer = try KafkaProducer(
            configuration: BrokerFixture.producerConfiguration(), logger: BrokerFixture.logger)
        let reader = ArticleReader()
        let summary = await ArticlePublisher(producer: producer, topic: topic)
            .publish(reader.expand(directory.path).flatMap(reader.read))
        try await producer.flush(timeout: .seconds(30))
        return summary
    }

    private static func enrich(topic: String, group: String, store: any ArticleStore) async throws -> EnricherCounters {
        let service = try EnricherService(
            configuration: EnricherConfiguration(
                topic: topic,
                consumer: BrokerFixture.consumerConfiguration(group: group),
                producer: BrokerFixture.producerConfiguration(),
                admin: BrokerFixture.adminConfiguration(),
                batchSize: 100,
                untilIdle: .seconds(3)
            ),
            store: store,
            enricher: try ArticleEnricher(),
            logger: BrokerFixture.logger
        )
        try await service.run()
        return service.counters
    }

    private static func withDatabase<T>(_ body: (any ArticleStore) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-it-\(UUID()).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return try await body(try SQLiteArticleStore(path: path))
    }

    @Test(
        "N ≥ 200 articles go through ingest, broker and enricher into SQLite exactly once; ingesting again adds no rows"
    )
    func endToEnd() async throws {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-it-\(UUID())")
        defer { try? FileManager.default.removeItem(at: input) }
        let expected = try Self.writeInput(variants: 200, into: input)

        try await BrokerFixture.withTopic { topic in
            try await Self.withDatabase { store in
                let group = BrokerFixture.uniqueName("akhbar-it-group")
                let first = try await Self.ingest(input, topic: topic)
                #expect(first.published == expected)
                #expect(first.isClean)

                let counters = try await Self.enrich(topic: topic, group: group, store: store)
                #expect(counters.consumed == expected)
                #expect(counters.deadLettered == 0)
                #expect(try await store.articleCount() == expected)
                let articles = try await store.articles()
                #expect(articles.allSatisfy { !$0.entities.isEmpty })
                let hammouchi = articles.filter { article in
                    article.entities.contains { $0.type == .person && $0.canonical == "عبد اللطيف حموشي" }
                }
                #expect(hammouchi.count == expected)

                // The same input again: same ids, so the store replaces rows instead of adding them.
                let second = try await Self.ingest(input, topic: topic)
                #expect(second.published == expected)
                let again = try await Self.enrich(topic: topic, group: group, store: store)
                #expect(again.consumed == expected)
                #expect(try await store.articleCount() == expected)
            }
        }
    }

    @Test("garbage bytes and an unknown schema version are dead-lettered while the messages around them are stored")
    func badMessagesAreDeadLettered() async throws {
        try await BrokerFixture.withTopic(partitions: 1) { topic in
            try await Self.withDatabase { store in
                let producer = try KafkaProducer(
                    configuration: BrokerFixture.producerConfiguration(), logger: BrokerFixture.logger)
                func article(_ id: String) -> [UInt8] {
                    try! ArticleCodec.encode(
                        RawArticle(id: id, body: "زار عبد اللطيف حموشي فيينا.", ingestedAt: Date()))
                }
                var unknownVersion = article("future")
                unknownVersion[2] = 99  // the version byte of the documented wire format
                let values: [(String, [UInt8]?)] = [
                    ("before", article("before")),
                    ("garbage", Array("not an akhbar message".utf8)),
                    ("future", unknownVersion),
                    ("tombstone", nil),
                    ("after", article("after")),
                ]
                for (key, value) in values {
                    _ = try await producer.send(topic: topic, key: Array(key.utf8), value: value)
                }

                let counters = try await Self.enrich(topic: topic, group: BrokerFixture.uniqueName("g"), store: store)
                #expect(counters.consumed == 5)
                #expect(counters.deadLettered == 3)
                #expect(try await store.articles().map(\.articleID).sorted() == ["after", "before"])

                let deadLetters = try await TopicReader.read(topic: topic + ".dlq", count: 3)
                #expect(deadLetters.map(\.key) == ["garbage", "future", "tombstone"].map { Array($0.utf8) })
                #expect(deadLetters[0].header("akhbar.error.code") == "notAnAkhbarMessage")
                #expect(deadLetters[1].header("akhbar.error.code") == "unsupportedSchemaVersion")
                #expect(deadLetters[0].header("akhbar.source.topic") == topic)
                #expect(deadLetters[0].value == Array("not an akhbar message".utf8))

                // `dlq list` and `dlq redrive` read the same topic back.
                let queue = DeadLetterQueue(
                    topic: topic + ".dlq", consumer: BrokerFixture.consumerConfiguration(group: ""),
                    producer: BrokerFixture.producerConfiguration(), logger: BrokerFixture.logger)
                // Read outside any group: no join to wait for (it took 27 s for three letters when it joined one).
                let listStarted = ContinuousClock.now
                let listed = try await queue.list(idle: .seconds(2))
                let listing = ContinuousClock.now - listStarted
                #expect(listing < .seconds(6), "dlq list took \(listing)")
                #expect(listed.map(\.errorCode) == ["notAnAkhbarMessage", "unsupportedSchemaVersion", "tombstone"])
                #expect(listed.allSatisfy { $0.sourceTopic == topic && $0.originalHeaders.isEmpty })
                let redriveGroup = BrokerFixture.uniqueName("redrive")
                let redriven = try await queue.redrive(group: redriveGroup, target: nil, idle: .seconds(2))
                #expect(redriven.sent == 3 && redriven.leftInPlace.isEmpty && redriven.failure == nil)
                // The redrive group remembers: a second run sends nothing.
                #expect(try await queue.redrive(group: redriveGroup, target: nil, idle: .seconds(2)).sent == 0)
                // The source topic now holds the three again, marked with where they came from.
                let source = try await TopicReader.read(topic: topic, count: 8)
                let copies = source.filter { $0.header("akhbar.redriven.from") != nil }
                #expect(copies.map(\.key) == ["garbage", "future", "tombstone"].map { Array($0.utf8) })
                #expect(copies[0].value == Array("not an akhbar message".utf8))
            }
        }
    }
}
