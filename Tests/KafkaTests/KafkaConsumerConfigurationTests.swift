import Kafka
import Testing

@Suite("KafkaConsumerConfiguration")
struct KafkaConsumerConfigurationTests {
    @Test("defaults produce the exact librdkafka map, with automatic commit and offset store off")
    func defaults() {
        let configuration = KafkaConsumerConfiguration(bootstrapServers: ["a:9092"], groupID: "enrichers")
        #expect(
            configuration.librdkafkaProperties == [
                "bootstrap.servers": "a:9092",
                "client.id": "akhbar",
                "group.id": "enrichers",
                "auto.offset.reset": "earliest",
                "session.timeout.ms": "45000",
                "max.poll.interval.ms": "300000",
                "topic.metadata.refresh.interval.ms": "10000",
                "enable.auto.commit": "false",
                "enable.auto.offset.store": "false",
                "security.protocol": "plaintext",
            ]
        )
    }

    @Test("typed fields, mutual TLS and overrides map exactly")
    func everything() {
        let configuration = KafkaConsumerConfiguration(
            bootstrapServers: ["k1:9093", "k2:9093"],
            clientID: "enricher-1",
            groupID: "g",
            autoOffsetReset: .latest,
            sessionTimeout: .seconds(6),
            maxPollInterval: .seconds(10),
            metadataRefreshInterval: .seconds(2),
            security: KafkaSecurityConfiguration(
                securityProtocol: .ssl,
                tls: .init(
                    caLocation: "/ca.pem",
                    certificateLocation: "/client.pem",
                    keyLocation: "/client.key",
                    keyPassword: "pw"
                )
            ),
            librdkafkaOverrides: ["partition.assignment.strategy": "cooperative-sticky"]
        )
        #expect(
            configuration.librdkafkaProperties == [
                "bootstrap.servers": "k1:9093,k2:9093",
                "client.id": "enricher-1",
                "group.id": "g",
                "auto.offset.reset": "latest",
                "session.timeout.ms": "6000",
                "topic.metadata.refresh.interval.ms": "2000",
                "max.poll.interval.ms": "10000",
                "enable.auto.commit": "false",
                "enable.auto.offset.store": "false",
                "security.protocol": "ssl",
                "ssl.ca.location": "/ca.pem",
                "ssl.certificate.location": "/client.pem",
                "ssl.key.location": "/client.key",
                "ssl.key.password": "pw",
                "ssl.endpoint.identification.algorithm": "https",
                "partition.assignment.strategy": "cooperative-sticky",
            ]
        )
    }
}
