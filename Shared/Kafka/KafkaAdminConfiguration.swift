/// Settings of a ``KafkaAdmin`` client.
public struct KafkaAdminConfiguration: Hashable, Sendable {
    /// `bootstrap.servers`: `host:port` of one or more brokers.
    public var bootstrapServers: [String]
    /// `client.id`: the name brokers see in their logs and quotas.
    public var clientID: String
    /// TLS and SASL settings.
    public var security: KafkaSecurityConfiguration
    /// Extra librdkafka properties, applied last so they win over the typed fields.
    public var librdkafkaOverrides: [String: String]

    /// Creates admin settings.
    /// - Parameters:
    ///   - bootstrapServers: `host:port` of one or more brokers.
    ///   - clientID: The name brokers see.
    ///   - security: TLS and SASL settings.
    ///   - librdkafkaOverrides: Extra librdkafka properties.
    public init(
        bootstrapServers: [String],
        clientID: String = "akhbar-admin",
        security: KafkaSecurityConfiguration = .plaintext,
        librdkafkaOverrides: [String: String] = [:]
    ) {
        self.bootstrapServers = bootstrapServers
        self.clientID = clientID
        self.security = security
        self.librdkafkaOverrides = librdkafkaOverrides
    }

    /// The librdkafka key→value map these settings produce: typed fields, then security, then overrides.
    public var librdkafkaProperties: [String: String] {
        var properties = [
            "bootstrap.servers": bootstrapServers.joined(separator: ","),
            "client.id": clientID,
        ]
        properties.merge(security.librdkafkaProperties) { _, security in security }
        properties.merge(librdkafkaOverrides) { _, override in override }
        return properties
    }
}
