import ArticleModel
import Kafka
import StorePort
import Tracing

/// The messages in hand since the last commit: the articles to store and, per partition, the
/// offset to commit once they are stored.
struct PendingBatch: Sendable {
    private(set) var articles: [IndexedArticle] = []
    /// The messages whose articles are in ``articles``, recorded with them.
    private(set) var storedMessages: [HandledMessage] = []
    /// The trace context of each article in ``articles``, so that storing it is traced in the article's trace.
    private(set) var articleTraces: [ServiceContext] = []
    private(set) var messageCount = 0
    private(set) var startedAt: ContinuousClock.Instant?
    /// The highest offset handled per partition.
    private var highestOffsets: [TopicPartition: Int64] = [:]

    var isEmpty: Bool { messageCount == 0 }

    /// Records a message as handled, with the article it produced if any (a dead-lettered
    /// message produces none but its offset must still be committed).
    mutating func add(_ message: KafkaConsumerMessage, article: IndexedArticle?, trace: ServiceContext = .topLevel) {
        if startedAt == nil { startedAt = .now }
        messageCount += 1
        if let article {
            articles.append(article)
            articleTraces.append(trace)
            storedMessages.append(HandledMessage(message, outcome: .stored))
        }
        let key = TopicPartition(topic: message.topic, partition: message.partition)
        highestOffsets[key] = max(highestOffsets[key] ?? message.offset, message.offset)
    }

    /// The offsets to commit once the batch is stored: Kafka's committed offset is the next one to read.
    var commitOffsets: [KafkaTopicPartitionOffset] {
        highestOffsets.map {
            KafkaTopicPartitionOffset(topic: $0.key.topic, partition: $0.key.partition, offset: $0.value + 1)
        }
    }

    /// ``commitOffsets`` as the store records them, in the same transaction as the articles.
    var consumedPositions: [MessagePosition] {
        highestOffsets.map { MessagePosition(topic: $0.key.topic, partition: $0.key.partition, offset: $0.value + 1) }
    }

    func isDue(size: Int, interval: Duration, now: ContinuousClock.Instant = .now) -> Bool {
        guard let startedAt else { return false }
        return messageCount >= size || now - startedAt >= interval
    }
}
