/// Settings of a ``KafkaProducer``.
///
/// The typed fields cover what Akhbar tunes; anything else goes into ``librdkafkaOverrides``. librdkafka
/// validates every key and value when the producer is created.
public struct KafkaProducerConfiguration: Hashable, Sendable {
    /// How many broker acknowledgements a write needs (`acks`).
    public enum Acks: String, Hashable, Sendable {
        /// All in-sync replicas (`all`); required by idempotence.
        case all
        /// The partition leader only (`1`).
        case leader = "1"
        /// No acknowledgement (`0`).
        case none = "0"
    }

    /// `bootstrap.servers`: `host:port` of one or more brokers.
    public var bootstrapServers: [String]
    /// `client.id`: the name brokers see in their logs and quotas.
    public var clientID: String
    /// `acks`; default ``Acks/all``.
    public var acks: Acks
    /// `enable.idempotence`: no duplicates or reordering from retries; default `true` (needs ``Acks/all``).
    public var enableIdempotence: Bool
    /// `message.timeout.ms`: how long a message may wait for acknowledgement before its send fails; default 60 s.
    public var messageTimeout: Duration
    /// `linger.ms`: how long to wait for more messages to batch; default 5 ms.
    public var linger: Duration
    /// TLS and SASL settings.
    public var security: KafkaSecurityConfiguration
    /// Extra librdkafka properties, applied last so they win over the typed fields.
    public var librdkafkaOverrides: [String: String]
    /// How long ``KafkaProducer/run()`` waits for outstanding messages at shutdown. Not a librdkafka property.
    public var shutdownTimeout: Duration

    /// Creates producer settings.
    /// - Parameters:
    ///   - bootstrapServers: `host:port` of one or more brokers.
    ///   - clientID: The name brokers see.
    ///   - acks: How many acknowledgements a write needs.
    ///   - enableIdempotence: Whether the producer is idempotent.
    ///   - messageTimeout: How long a message may wait for acknowledgement.
    ///   - linger: How long to wait for more messages to batch.
    ///   - security: TLS and SASL settings.
    ///   - librdkafkaOverrides: Extra librdkafka properties.
    ///   - shutdownTimeout: How long shutdown waits for outstanding messages.
    public init(
        bootstrapServers: [String],
        clientID: String = "akhbar",
        acks: Acks = .all,
        enableIdempotence: Bool = true,
        messageTimeout: Duration = .seconds(60),
        linger: Duration = .milliseconds(5),
        security: KafkaSecurityConfiguration = .plaintext,
        librdkafkaOverrides: [String: String] = [:],
        shutdownTimeout: Duration = .seconds(10)
    ) {
        self.bootstrapServers = bootstrapServers
        self.clientID = clientID
        self.acks = acks
        self.enableIdempotence = enableIdempotence
        self.messageTimeout = messageTimeout
        self.linger = linger
        self.security = security
        self.librdkafkaOverrides = librdkafkaOverrides
        self.shutdownTimeout = shutdownTimeout
    }

    /// librdkafka's default `message.max.bytes`.
    public static let defaultMaxMessageBytes = 1_000_000

    /// The largest message (key, value and headers) the producer will send: librdkafka refuses larger ones
    /// before they reach a broker. It is `message.max.bytes` as overridden, else librdkafka's default.
    public var maxMessageBytes: Int {
        librdkafkaOverrides["message.max.bytes"].flatMap { Int($0) } ?? Self.defaultMaxMessageBytes
    }

    /// The librdkafka key→value map these settings produce: typed fields, then security, then overrides.
    public var librdkafkaProperties: [String: String] {
        var properties = [
            "bootstrap.servers": bootstrapServers.joined(separator: ","),
            "client.id": clientID,
            "acks": acks.rawValue,
            "enable.idempotence": String(enableIdempotence),
            "message.timeout.ms": String(messageTimeout.rdKafkaMilliseconds),
            "linger.ms": String(linger.rdKafkaMilliseconds),
        ]
        properties.merge(security.librdkafkaProperties) { _, security in security }
        properties.merge(librdkafkaOverrides) { _, override in override }
        return properties
    }
}
