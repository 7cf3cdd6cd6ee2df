import ArticleModel
import EnricherCore
import Foundation
import Kafka
import Logging
import StorePort
import Synchronization

/// A consumer that hands out a script of events, then nothing, holding back messages of paused partitions; it
/// records what the service asked of it.
final class ScriptedSource: MessageSource {
    struct State {
        var script: [KafkaConsumerEvent]
        var subscribed: [String] = []
        var commits: [[KafkaTopicPartitionOffset]] = []
        var paused: Set<KafkaTopicPartition> = []
        var closed = false
        /// The commits made when the event after each revocation was asked for.
        var commitsSeenAfterRevoke: [Int] = []
        var revokedLast = false
    }

    let state: Mutex<State>
    /// Every message of the script, for the partitions' ends.
    private let messages: [KafkaConsumerMessage]

    init(_ script: [KafkaConsumerEvent]) {
        state = Mutex(State(script: script))
        messages = script.compactMap { if case .message(let message) = $0 { message } else { nil } }
    }

    var commits: [[KafkaTopicPartitionOffset]] { state.withLock { $0.commits } }
    var closed: Bool { state.withLock { $0.closed } }

    /// The last committed offset per partition.
    var committed: [KafkaTopicPartition: Int64] {
        state.withLock { state in
            state.commits.joined().reduce(into: [:]) { $0[$1.topicPartition] = $1.offset }
        }
    }

    func subscribe(topics: [String]) throws(KafkaError) {
        state.withLock { $0.subscribed = topics }
    }

    func poll(timeout: Duration) async throws(KafkaError) -> KafkaConsumerEvent? {
        let event = state.withLock { state -> KafkaConsumerEvent? in
            if state.revokedLast {
                state.commitsSeenAfterRevoke.append(state.commits.count)
                state.revokedLast = false
            }
            guard let next = state.script.first else { return nil }
            // As Kafka does: nothing from a paused partition until it is resumed.
            if case .message(let message) = next,
                state.paused.contains(KafkaTopicPartition(topic: message.topic, partition: message.partition))
            {
                return nil
            }
            let event = state.script.removeFirst()
            if case .partitionsRevoked = event { state.revokedLast = true }
            return event
        }
        if event == nil { try? await Task.sleep(for: .milliseconds(5)) }
        return event
    }

    func pause(_ partitions: some Collection<KafkaTopicPartition>) throws(KafkaError) {
        state.withLock { $0.paused.formUnion(partitions) }
    }

    func resume(_ partitions: some Collection<KafkaTopicPartition>) throws(KafkaError) {
        state.withLock { $0.paused.subtract(partitions) }
    }

    func commit(_ offsets: [KafkaTopicPartitionOffset]) async throws(KafkaError) {
        state.withLock { $0.commits.append(offsets) }
    }

    func cachedHighWatermark(of partition: KafkaTopicPartition) -> Int64? {
        highWatermarks[partition]
    }

    func partitions(of topic: String, timeout: Duration) async throws(KafkaError) -> [KafkaTopicPartition] {
        highWatermarks.keys.filter { $0.topic == topic }.sorted()
    }

    func watermarks(of partitions: [KafkaTopicPartition], timeout: Duration)
        async throws(KafkaError) -> [KafkaTopicPartition: KafkaWatermarks]
    {
        partitions.reduce(into: [:]) { $0[$1] = KafkaWatermarks(low: 0, high: highWatermarks[$1] ?? 0) }
    }

    func committedOffsets(for partitions: [KafkaTopicPartition], timeout: Duration)
        async throws(KafkaError) -> [KafkaTopicPartitionOffset]
    {
        let committed = committed
        return partitions.compactMap { partition in
            committed[partition].map {
                KafkaTopicPartitionOffset(topic: partition.topic, partition: partition.partition, offset: $0)
            }
        }
    }

    func close() async {
        state.withLock { $0.closed = true }
    }

    private var highWatermarks: [KafkaTopicPartition: Int64] {
        messages.reduce(into: [:]) {
            let partition = KafkaTopicPartition(topic: $1.topic, partition: $1.partition)
            $0[partition] = max($0[partition] ?? 0, $1.offset + 1)
        }
    }
}

/// A dead-letter sink that keeps what it is sent.
final class KeptDeadLetters: DeadLetterSink {
    struct Letter {
        let topic: String
        let key: [UInt8]?
        let value: [UInt8]
        let headers: [KafkaHeader]

        func header(_ name: String) -> String? {
            headers.first { $0.key == name }?.value.map { String(decoding: $0, as: UTF8.self) }
        }
    }

    let letters = Mutex<[Letter]>([])
    let shutDown = Mutex(false)

    var maxMessageBytes: Int { 1_000_000 }

    func waitUntilReachable(patience: Duration, logger: Logger) async throws(KafkaError) {}

    func createTopic(_ name: String) async throws(KafkaError) {}

    func send(topic: String, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader]) async throws(KafkaError) {
        letters.withLock { $0.append(Letter(topic: topic, key: key, value: value, headers: headers)) }
    }

    func shutdown() async {
        shutDown.withLock { $0 = true }
    }
}

/// A store in memory, for tests of the service only: it keeps what is saved and answers what the service asks
/// (outcomes, stored offsets); the query side is the conformance suite's business, so queries throw.
final class MemoryStore: ArticleStore {
    struct State {
        var articles: [String: EnrichedArticle] = [:]
        var writes: [String: Int] = [:]
        var handled: [MessagePosition: HandledMessage] = [:]
        var offsets: [String: [TopicPartition: Int64]] = [:]
        var batches: [[String]] = []
        /// When set, every save fails with it.
        var failure: StoreError?
    }

    let state = Mutex(State())

    func save(_ articles: [IndexedArticle], handled: [HandledMessage], consumed: [MessagePosition], group: String)
        async throws(StoreError)
    {
        try state.withLock { state throws(StoreError) in
            if let failure = state.failure { throw failure }
            let stored = handled.filter { $0.outcome == .stored }
            for (index, indexed) in articles.enumerated() {
                let article = indexed.article
                if stored.count == articles.count, let previous = state.handled[stored[index].position],
                    previous.digest == stored[index].digest, previous.outcome == .stored,
                    state.articles[article.articleID]?.enrichmentVersion == article.enrichmentVersion
                {
                    continue
                }
                state.articles[article.articleID] = article
                state.writes[article.articleID, default: 0] += 1
            }
            for message in handled { state.handled[message.position] = message }
            for position in consumed { state.offsets[group, default: [:]][position.partitionKey] = position.offset }
            if !articles.isEmpty { state.batches.append(articles.map(\.article.articleID)) }
        }
    }

    func outcome(of message: HandledMessage) async throws(StoreError) -> HandledMessage.Outcome? {
        state.withLock { state in
            state.handled[message.position].flatMap { $0.digest == message.digest ? $0.outcome : nil }
        }
    }

    func storedOffsets(group: String) async throws(StoreError) -> [TopicPartition: Int64] {
        state.withLock { $0.offsets[group] ?? [:] }
    }

    func writeCounts() async throws(StoreError) -> [String: Int] { state.withLock { $0.writes } }

    func articleCount() async throws(StoreError) -> Int { state.withLock { $0.articles.count } }

    func articles(limit: Int?) async throws(StoreError) -> [EnrichedArticle] {
        state.withLock { Array($0.articles.values) }
    }

    func article(id: String) async throws(StoreError) -> EnrichedArticle? { state.withLock { $0.articles[id] } }

    func searchArticles(_ search: ArticleSearch, after token: PageToken?, limit: Int)
        async throws(StoreError) -> ResultPage<ArticleListing>
    { throw Self.noQueries }

    func entities(type: EntityType?, prefix: String, after token: PageToken?, limit: Int)
        async throws(StoreError) -> ResultPage<EntitySummary>
    { throw Self.noQueries }

    func entity(id: String) async throws(StoreError) -> EntitySummary? { throw Self.noQueries }

    func entities(named name: String, type: EntityType?, limit: Int) async throws(StoreError) -> [EntitySummary] {
        throw Self.noQueries
    }

    func coOccurrences(of entityID: String, type: EntityType?, amongNewest newest: Int?, limit: Int)
        async throws(StoreError) -> [CoOccurrence]
    {
        throw Self.noQueries
    }

    func stats() async throws(StoreError) -> StoreStats { throw Self.noQueries }

    func countArticles(_ search: ArticleSearch, upTo limit: Int) async throws(StoreError) -> Int {
        throw Self.noQueries
    }

    func surfaceForms(of entityID: String, limit: Int) async throws(StoreError) -> [SurfaceForm] {
        throw Self.noQueries
    }

    func publicationDays(mentioning entityID: String?, from: Date?) async throws(StoreError) -> [DayCount] {
        throw Self.noQueries
    }

    func risingEntities(in period: DateInterval, limit: Int) async throws(StoreError) -> [EntityTrend] {
        throw Self.noQueries
    }

    private static let noQueries = StoreError(.other, "the in-memory test store answers no queries")
}
