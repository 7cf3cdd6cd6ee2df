import EnricherCore
import Foundation
import Kafka
import SQLiteStore
import StorePort
import StoreTestSupport
import Testing

/// Faults that once lost data or blocked a partition: a re-created topic, a huge poison message, a database
/// deleted mid-run, a replay over dead letters.
extension OperationsTests {
    @Test("a topic deleted and created again: new messages at reused offsets are stored, not skipped as the old ones")
    func recreatedTopicLosesNothing() async throws {
        try await BrokerFixture.withTopic(partitions: 1) { topic in
            try await withTemporarySQLitePath { db in
                let group = BrokerFixture.uniqueName("g")
                try await Self.ingest(try Self.writeArticles(30, idPrefix: "old"), topic: topic)
                let first = try Self.enricher(topic: topic, group: group, store: .sqlite(db), untilIdle: 3)
                #expect(await first.waitForExit(timeout: .seconds(120)) == 0, "\(first.printed.suffix(2_000))")
                #expect(first.summary?["stored"] == 30)

                let admin = try BrokerFixture.admin()
                try await admin.deleteTopic(name: topic, timeout: .seconds(30))
                try await admin.createTopic(name: topic, partitions: 1, replicationFactor: -1, timeout: .seconds(30))
                try await Self.ingest(try Self.writeArticles(20, idPrefix: "new"), topic: topic)

                let second = try Self.enricher(topic: topic, group: group, store: .sqlite(db), untilIdle: 3)
                #expect(await second.waitForExit(timeout: .seconds(120)) == 0, "\(second.printed.suffix(2_000))")
                print("after the topic was created again: \(second.summary ?? [:])")
                #expect(second.summary?["stored"] == 20 && second.summary?["skipped"] == 0)
                #expect(try await SQLiteArticleStore(path: db).articleCount() == 50)
            }
        }
    }

    @Test("a 5 MB poison message is dead-lettered cut to fit, with its size; runs again neither block nor repeat it")
    func hugePoisonMessageDoesNotBlock() async throws {
        try await BrokerFixture.withTopic(partitions: 1) { topic in
            try await withTemporarySQLitePath { db in
                var configuration = BrokerFixture.producerConfiguration()
                configuration.librdkafkaOverrides["message.max.bytes"] = "8000000"
                let producer = try KafkaProducer(configuration: configuration, logger: BrokerFixture.logger)
                var generator = SystemRandomNumberGenerator()
                let poison = (0..<5_000_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
                _ = try await producer.send(topic: topic, key: Array("poison".utf8), value: poison)
                _ = try await producer.send(topic: topic, key: Array("garbage".utf8), value: Array("not akhbar".utf8))
                await producer.shutdown(timeout: .seconds(10))
                try await Self.ingest(try Self.writeArticles(5), topic: topic)

                let group = BrokerFixture.uniqueName("g")
                let first = try Self.enricher(topic: topic, group: group, store: .sqlite(db), untilIdle: 3)
                #expect(await first.waitForExit(timeout: .seconds(120)) == 0, "\(first.printed.suffix(2_000))")
                #expect(first.summary?["dead-lettered"] == 2 && first.summary?["stored"] == 5)

                let queue = DeadLetterQueue(
                    topic: topic + ".dlq", consumer: BrokerFixture.consumerConfiguration(group: ""),
                    producer: BrokerFixture.producerConfiguration(), logger: BrokerFixture.logger)
                let letters = try await queue.list(idle: .seconds(2))
                #expect(letters.count == 2)
                let cut = try #require(letters.first { $0.key == Array("poison".utf8) })
                #expect(cut.originalBytes == 5_000_000)
                #expect(
                    (cut.value?.count ?? 0) > 900_000 && cut.value.map { Array(poison.prefix($0.count)) == $0 } == true)

                // A replay reads both again but does not send them to the dead-letter topic twice.
                let replay = try Self.enricher(
                    "replay", topic: topic, group: group, store: .sqlite(db), untilIdle: 3, ["--from", "earliest"])
                #expect(await replay.waitForExit(timeout: .seconds(120)) == 0, "\(replay.printed.suffix(2_000))")
                #expect(replay.summary?["dead-lettered"] == 0 && replay.summary?["skipped"] == 2)
                #expect(try await queue.list(idle: .seconds(2)).count == 2)

                // The redrive sends what it can and leaves the cut letter in place, saying so.
                let redriven = try await queue.redrive(
                    group: BrokerFixture.uniqueName("redrive"), target: nil, idle: .seconds(2))
                #expect(redriven.sent == 1 && redriven.leftInPlace.count == 1 && redriven.failure == nil)
            }
        }
    }

    @Test("the database's directory deleted mid-run: the enricher exits 1 without committing, a rerun stores the rest")
    func deletedDatabaseStopsTheEnricher() async throws {
        try await Self.withIngested(600, partitions: 2) { topic, _, group, count in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-it-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let db = directory.appendingPathComponent("store.sqlite").path
            let first = try Self.enricher(topic: topic, group: group, store: .sqlite(db))
            try await Self.waitForRows(100, in: .sqlite(db))
            try FileManager.default.removeItem(at: directory)
            #expect(await first.waitForExit(timeout: .seconds(60)) == 1, "\(first.printed.suffix(2_000))")
            #expect(first.printed.contains("was deleted or replaced"))
            let storedBefore = try #require(first.summary?["stored"])

            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let second = try Self.enricher(topic: topic, group: group, store: .sqlite(db), untilIdle: 5)
            #expect(await second.waitForExit(timeout: .seconds(240)) == 0, "\(second.printed.suffix(2_000))")
            print("deleted after \(storedBefore) stored; the rerun: \(second.summary ?? [:])")
            #expect(second.summary?["stored"] == count - storedBefore)
        }
    }

    @Test(
        "another writer holds the store's lock past max.poll.interval: the enricher keeps its partitions and stores all"
    )
    func lockedStoreIsWaitedOut() async throws {
        try await Self.withIngested(300, partitions: 2) { topic, store, group, count in
            let db = try #require(store.sqlitePath)
            // Open, as a query server would keep it: the file exists in WAL mode before the lock is taken.
            let reader = try SQLiteArticleStore(path: db)
            // A second writer on the same file, as another enricher mid-transaction, for longer than the busy
            // timeout (5 s) and the enricher's max.poll.interval (10 s) together.
            let holder = Process()
            holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            holder.arguments = [
                "python3", "-c",
                """
                import sqlite3, sys, time
                db = sqlite3.connect(sys.argv[1], isolation_level=None)
                db.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(16); db.execute('COMMIT')
                """,
                db,
            ]
            let locked = Pipe()
            holder.standardOutput = locked
            try holder.run()
            _ = locked.fileHandleForReading.availableData
            let enricher = try Self.enricher(topic: topic, group: group, store: .sqlite(db), untilIdle: 5)
            #expect(await enricher.waitForExit(timeout: .seconds(180)) == 0, "\(enricher.printed.suffix(2_000))")
            holder.waitUntilExit()
            print("a store locked for 16 s: \(enricher.summary ?? [:])")
            #expect(enricher.summary?["stored"] == count)
            #expect(enricher.printed.contains("locked by another writer"))
            #expect(!enricher.printed.contains("maximum poll interval"), "the member was evicted from its group")
            #expect(try await reader.writeCounts().values.allSatisfy { $0 == 1 })
        }
    }
}
