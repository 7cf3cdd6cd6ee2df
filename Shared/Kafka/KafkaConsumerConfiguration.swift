/// Settings of a ``KafkaConsumer`` in a consumer group.
///
/// Automatic commits and automatic offset storing are off: the application commits explicitly, after it has
/// processed a message, with ``KafkaConsumer/commit(_:)``. Anything not typed here goes into
/// ``librdkafkaOverrides``; librdkafka validates every key and value when the consumer is created.
public struct KafkaConsumerConfiguration: Hashable, Sendable {
    /// Where a group without a committed offset starts reading (`auto.offset.reset`).
    public enum AutoOffsetReset: String, Hashable, Sendable {
        /// The oldest retained message.
        case earliest
        /// Only messages produced after the assignment.
        case latest
    }

    /// `bootstrap.servers`: `host:port` of one or more brokers.
    public var bootstrapServers: [String]
    /// `client.id`: the name brokers see in their logs and quotas.
    public var clientID: String
    /// `group.id`: the consumer group.
    public var groupID: String
    /// `auto.offset.reset`; default ``AutoOffsetReset/earliest``, so nothing produced before the first start is
    /// skipped.
    public var autoOffsetReset: AutoOffsetReset
    /// `session.timeout.ms`: how long the group waits for a silent member before it rebalances; default 45 s.
    public var sessionTimeout: Duration
    /// `max.poll.interval.ms`: the longest allowed gap between polls before the member leaves the group;
    /// default 300 s.
    public var maxPollInterval: Duration
    /// `topic.metadata.refresh.interval.ms`: how often the consumer asks which topics and partitions exist; default
    /// 10 s, so a subscribed topic that is created (or created again after a broker lost it) is read within
    /// seconds, where librdkafka's own default (5 min) leaves the member idle for minutes.
    public var metadataRefreshInterval: Duration
    /// When set, a partition the group has no committed offset for starts at its first message at or after this
    /// time (milliseconds since the Unix epoch, as message timestamps), instead of where ``autoOffsetReset`` says.
    public var startTimestamp: Int64?
    /// TLS and SASL settings.
    public var security: KafkaSecurityConfiguration
    /// Extra librdkafka properties, applied last so they win over the typed fields.
    public var librdkafkaOverrides: [String: String]

    /// Creates consumer settings.
    /// - Parameters:
    ///   - bootstrapServers: `host:port` of one or more brokers.
    ///   - clientID: The name brokers see.
    ///   - groupID: The consumer group.
    ///   - autoOffsetReset: Where a group without a committed offset starts.
    ///   - sessionTimeout: How long the group waits for a silent member.
    ///   - maxPollInterval: The longest allowed gap between polls.
    ///   - metadataRefreshInterval: How often the consumer refreshes topic metadata.
    ///   - startTimestamp: Where partitions without a committed offset start, as a message timestamp.
    ///   - security: TLS and SASL settings.
    ///   - librdkafkaOverrides: Extra librdkafka properties.
    public init(
        bootstrapServers: [String],
        clientID: String = "akhbar",
        groupID: String,
        autoOffsetReset: AutoOffsetReset = .earliest,
        sessionTimeout: Duration = .seconds(45),
        maxPollInterval: Duration = .seconds(300),
        metadataRefreshInterval: Duration = .seconds(10),
        startTimestamp: Int64? = nil,
        security: KafkaSecurityConfiguration = .plaintext,
        librdkafkaOverrides: [String: String] = [:]
    ) {
        self.bootstrapServers = bootstrapServers
        self.clientID = clientID
        self.groupID = groupID
        self.autoOffsetReset = autoOffsetReset
        self.sessionTimeout = sessionTimeout
        self.maxPollInterval = maxPollInterval
        self.metadataRefreshInterval = metadataRefreshInterval
        self.startTimestamp = startTimestamp
        self.security = security
        self.librdkafkaOverrides = librdkafkaOverrides
    }

    /// The librdkafka key→value map these settings produce: typed fields, then security, then overrides.
    public var librdkafkaProperties: [String: String] {
        var properties = [
            "bootstrap.servers": bootstrapServers.joined(separator: ","),
            "client.id": clientID,
            "group.id": groupID,
            "auto.offset.reset": autoOffsetReset.rawValue,
            "session.timeout.ms": String(sessionTimeout.rdKafkaMilliseconds),
            "max.poll.interval.ms": String(maxPollInterval.rdKafkaMilliseconds),
            "topic.metadata.refresh.interval.ms": String(metadataRefreshInterval.rdKafkaMilliseconds),
            "enable.auto.commit": "false",
            "enable.auto.offset.store": "false",
        ]
        properties.merge(security.librdkafkaProperties) { _, security in security }
        properties.merge(librdkafkaOverrides) { _, override in override }
        return properties
    }
}
