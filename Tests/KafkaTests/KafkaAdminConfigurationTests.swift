import Kafka
import Testing

@Suite("KafkaAdminConfiguration")
struct KafkaAdminConfigurationTests {
    @Test("defaults and SASL without TLS produce the exact librdkafka map")
    func map() {
        #expect(
            KafkaAdminConfiguration(bootstrapServers: ["a:1"]).librdkafkaProperties == [
                "bootstrap.servers": "a:1",
                "client.id": "akhbar-admin",
                "security.protocol": "plaintext",
            ]
        )
        let sasl = KafkaAdminConfiguration(
            bootstrapServers: ["a:1"],
            clientID: "ops",
            security: .init(
                securityProtocol: .saslPlaintext, sasl: .init(mechanism: .plain, username: "u", password: "p")),
            librdkafkaOverrides: ["socket.timeout.ms": "5000"]
        )
        #expect(
            sasl.librdkafkaProperties == [
                "bootstrap.servers": "a:1",
                "client.id": "ops",
                "security.protocol": "sasl_plaintext",
                "sasl.mechanism": "PLAIN",
                "sasl.username": "u",
                "sasl.password": "p",
                "socket.timeout.ms": "5000",
            ]
        )
    }
}
