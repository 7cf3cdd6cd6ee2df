import Kafka
import Testing

@Suite("KafkaProducerConfiguration")
struct KafkaProducerConfigurationTests {
    @Test("defaults produce the exact librdkafka map")
    func defaults() {
        let configuration = KafkaProducerConfiguration(bootstrapServers: ["a:9092", "b:9092"])
        #expect(
            configuration.librdkafkaProperties == [
                "bootstrap.servers": "a:9092,b:9092",
                "client.id": "akhbar",
                "acks": "all",
                "enable.idempotence": "true",
                "message.timeout.ms": "60000",
                "linger.ms": "5",
                "security.protocol": "plaintext",
            ]
        )
    }

    @Test("typed fields, SASL over TLS and overrides map exactly; overrides win")
    func everything() {
        let configuration = KafkaProducerConfiguration(
            bootstrapServers: ["kafka:9093"],
            clientID: "ingest",
            acks: .leader,
            enableIdempotence: false,
            messageTimeout: .milliseconds(1500),
            linger: .zero,
            security: KafkaSecurityConfiguration(
                securityProtocol: .saslSSL,
                sasl: .init(mechanism: .scramSHA512, username: "user", password: "secret"),
                tls: .init(caLocation: "/etc/ssl/ca.pem", verifiesHostname: false)
            ),
            librdkafkaOverrides: ["compression.type": "zstd", "linger.ms": "20"]
        )
        #expect(
            configuration.librdkafkaProperties == [
                "bootstrap.servers": "kafka:9093",
                "client.id": "ingest",
                "acks": "1",
                "enable.idempotence": "false",
                "message.timeout.ms": "1500",
                "linger.ms": "20",
                "security.protocol": "sasl_ssl",
                "sasl.mechanism": "SCRAM-SHA-512",
                "sasl.username": "user",
                "sasl.password": "secret",
                "ssl.ca.location": "/etc/ssl/ca.pem",
                "ssl.endpoint.identification.algorithm": "none",
                "compression.type": "zstd",
            ]
        )
    }

    @Test("acks none maps to 0")
    func acksNone() {
        var configuration = KafkaProducerConfiguration(bootstrapServers: ["a:1"])
        configuration.acks = .none
        #expect(configuration.librdkafkaProperties["acks"] == "0")
    }
}
