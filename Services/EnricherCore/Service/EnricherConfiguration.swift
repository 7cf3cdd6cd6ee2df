public import Kafka

/// Settings of one enricher process.
public struct EnricherConfiguration: Sendable {
    /// The topic of raw articles to consume.
    public var topic: String
    /// Where messages that cannot be processed go, with the reason in their headers.
    public var deadLetterTopic: String
    /// The consumer group and connection settings.
    public var consumer: KafkaConsumerConfiguration
    /// The producer for the dead-letter topic; shares brokers and security with the consumer.
    public var producer: KafkaProducerConfiguration
    /// Used once at start to create the dead-letter topic when it is missing.
    public var admin: KafkaAdminConfiguration
    /// Store and commit once this many messages are in hand...
    public var batchSize: Int
    /// ...or once the oldest message in hand has waited this long.
    public var batchInterval: Duration
    /// When set, stop once no message arrived for this long after partitions were assigned.
    public var untilIdle: Duration?
    /// How long one poll of the broker may block; bounds how fast shutdown and idleness are seen.
    public var pollTimeout: Duration
    /// How long to wait at start for a broker to answer before giving up.
    public var connectPatience: Duration
    /// How long a batch is tried again while another writer holds the store's lock before the enricher gives up.
    public var storeLockPatience: Duration
    /// How often a working enricher logs its progress.
    public var progressInterval: Duration

    public init(
        topic: String,
        deadLetterTopic: String? = nil,
        consumer: KafkaConsumerConfiguration,
        producer: KafkaProducerConfiguration,
        admin: KafkaAdminConfiguration,
        batchSize: Int = 500,
        batchInterval: Duration = .milliseconds(500),
        untilIdle: Duration? = nil,
        pollTimeout: Duration = .milliseconds(100),
        connectPatience: Duration = .seconds(40),
        storeLockPatience: Duration = .seconds(120),
        progressInterval: Duration = .seconds(10)
    ) {
        self.topic = topic
        self.deadLetterTopic = deadLetterTopic ?? topic + ".dlq"
        self.consumer = consumer
        self.producer = producer
        self.admin = admin
        self.batchSize = max(1, batchSize)
        self.batchInterval = batchInterval
        self.untilIdle = untilIdle
        self.pollTimeout = pollTimeout
        self.connectPatience = connectPatience
        self.storeLockPatience = storeLockPatience
        self.progressInterval = progressInterval
    }
}
