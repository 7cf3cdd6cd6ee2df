import ArticleCodec
import ArticleModel
import EnricherCore
import EntityTagging
import Foundation
import Kafka
import Logging
import StorePort
import Synchronization
import Testing

/// The service's own logic without a broker: a scripted consumer, a dead-letter sink that keeps its letters and an
/// in-memory store stand where Kafka and the database would.
@Suite("EnricherService")
struct EnricherServiceTests {
    private static let topic = "articles"
    private static let group = "enrichers"

    private static func configuration(batchSize: Int = 50, interval: Duration = .milliseconds(50))
        -> EnricherConfiguration
    {
        EnricherConfiguration(
            topic: topic,
            consumer: KafkaConsumerConfiguration(bootstrapServers: ["unused:9092"], groupID: group),
            producer: KafkaProducerConfiguration(bootstrapServers: ["unused:9092"]),
            admin: KafkaAdminConfiguration(bootstrapServers: ["unused:9092"]),
            batchSize: batchSize, batchInterval: interval, untilIdle: .milliseconds(300),
            pollTimeout: .milliseconds(10))
    }

    private static func message(_ partition: Int32, _ offset: Int64) throws -> KafkaConsumerMessage {
        let id = "p\(partition)-\(offset)"
        let raw = RawArticle(
            id: id, body: "زار عبد اللطيف حموشي فيينا في المهمة \(offset).", ingestedAt: Date(timeIntervalSince1970: 0))
        return KafkaConsumerMessage(
            topic: topic, partition: partition, offset: offset, key: Array(id.utf8), value: try ArticleCodec.encode(raw)
        )
    }

    private static func partition(_ number: Int32) -> KafkaTopicPartition {
        KafkaTopicPartition(topic: topic, partition: number)
    }

    private static func service(
        _ source: ScriptedSource, _ store: MemoryStore, _ letters: KeptDeadLetters = KeptDeadLetters(),
        configuration: EnricherConfiguration = configuration()
    ) throws -> EnricherService {
        EnricherService(
            configuration: configuration, source: source, deadLetters: letters, store: store,
            enricher: try ArticleEnricher(), logger: Logger(label: "test"))
    }

    @Test("messages are stored in batches of at most the batch size, then each partition's next offset is committed")
    func batching() async throws {
        let messages = try (0..<60).flatMap { offset in try [Self.message(0, offset), Self.message(1, offset)] }
        let source = ScriptedSource(
            [.partitionsAssigned([Self.partition(0), Self.partition(1)])] + messages.map { .message($0) })
        let store = MemoryStore()
        let service = try Self.service(source, store)
        try await service.run()
        let batches = store.state.withLock { $0.batches }
        #expect(batches.reduce(0) { $0 + $1.count } == 120 && batches.allSatisfy { $0.count <= 50 })
        #expect(try await store.writeCounts().values.allSatisfy { $0 == 1 })
        #expect(source.committed == [Self.partition(0): 60, Self.partition(1): 60])
        #expect(
            try await store.storedOffsets(group: Self.group) == [
                TopicPartition(topic: Self.topic, partition: 0): 60,
                TopicPartition(topic: Self.topic, partition: 1): 60,
            ])
        #expect(service.counters.stored == 120 && source.closed)
    }

    @Test("messages the store holds below its stored offset are skipped, not stored again, and still committed")
    func skipByStoredOffset() async throws {
        let messages = try (0..<20).map { try Self.message(0, $0) }
        let store = MemoryStore()
        // As a crash between the store and the Kafka commit leaves it: the first ten handled, nothing committed.
        try await store.save(
            [], handled: messages.prefix(10).map { HandledMessage($0, outcome: .stored) },
            consumed: [MessagePosition(topic: Self.topic, partition: 0, offset: 10)], group: Self.group)
        let source = ScriptedSource([.partitionsAssigned([Self.partition(0)])] + messages.map { .message($0) })
        let service = try Self.service(source, store)
        try await service.run()
        #expect(service.counters.skipped == 10 && service.counters.stored == 10)
        #expect(Set(try await store.writeCounts().keys) == Set((10..<20).map { "p0-\($0)" }))
        #expect(source.committed == [Self.partition(0): 20])
    }

    @Test("undecodable messages and tombstones go to the dead-letter topic with the reason, recorded and committed")
    func deadLetters() async throws {
        let garbage = KafkaConsumerMessage(
            topic: Self.topic, partition: 0, offset: 1, value: Array("not protobuf".utf8))
        let tombstone = KafkaConsumerMessage(topic: Self.topic, partition: 0, offset: 2, value: nil)
        let source = ScriptedSource([
            .partitionsAssigned([Self.partition(0)]), .message(try Self.message(0, 0)), .message(garbage),
            .message(tombstone), .message(try Self.message(0, 3)),
        ])
        let store = MemoryStore()
        let letters = KeptDeadLetters()
        let service = try Self.service(source, store, letters)
        try await service.run()
        let sent = letters.letters.withLock { $0 }
        #expect(sent.map(\.topic) == ["\(Self.topic).dlq", "\(Self.topic).dlq"])
        #expect(sent.map { $0.header("akhbar.source.offset") } == ["1", "2"])
        #expect(sent[1].header("akhbar.error.code") == "tombstone")
        #expect(sent[0].value == Array("not protobuf".utf8))
        for message in [garbage, tombstone] {
            #expect(try await store.outcome(of: HandledMessage(message, outcome: .deadLettered)) == .deadLettered)
        }
        #expect(service.counters.deadLettered == 2 && service.counters.stored == 2)
        #expect(source.committed == [Self.partition(0): 4])
        #expect(letters.shutDown.withLock { $0 })
    }

    @Test("partitions revoked: the batch in hand is stored and committed before the consumer is polled again")
    func flushOnRevoke() async throws {
        let messages = try (0..<5).map { try Self.message(0, $0) }
        let source = ScriptedSource(
            [.partitionsAssigned([Self.partition(0)])] + messages.map { .message($0) }
                + [.partitionsRevoked([Self.partition(0)])])
        let store = MemoryStore()
        // Neither the size nor the interval would store the batch before the revocation.
        let service = try Self.service(
            source, store, configuration: Self.configuration(batchSize: 100, interval: .seconds(60)))
        try await service.run()
        #expect(source.state.withLock { $0.commitsSeenAfterRevoke } == [1])
        #expect(source.committed == [Self.partition(0): 5])
        #expect(try await store.articleCount() == 5)
    }

    @Test("a store that fails (disk full): run throws it, nothing is committed, the clients are closed")
    func storeFailureStopsWithoutCommitting() async throws {
        let messages = try (0..<10).map { try Self.message(0, $0) }
        let source = ScriptedSource([.partitionsAssigned([Self.partition(0)])] + messages.map { .message($0) })
        let store = MemoryStore()
        store.state.withLock { $0.failure = StoreError(.diskFull, "no space left") }
        let letters = KeptDeadLetters()
        let service = try Self.service(source, store, letters)
        await #expect(throws: StoreError(.diskFull, "")) { try await service.run() }
        #expect(source.commits.isEmpty)
        #expect(source.closed && letters.shutDown.withLock { $0 })
    }
}
