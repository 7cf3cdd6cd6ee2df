import ArgumentParser
import EnricherCore
import Kafka
import Logging
import ServiceCommandLine
import ServiceLifecycle
import UnixSignals

/// Runs the enricher as a member of the consumer group until stopped (or idle).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Consume raw articles as a consumer group member, enrich them and store them (the default)."
    )

    @OptionGroup var connection: KafkaConnectionOptions

    @Option(help: "The topic of raw articles.")
    var topic = "articles.raw"

    @Option(help: "The consumer group; enrichers in one group share the partitions.")
    var group = "akhbar-enrichers"

    @Option(help: "The SQLite database file.")
    var db = "akhbar.sqlite"

    @Option(help: "Exit 0 once no message arrived for this many seconds after partitions were assigned.")
    var untilIdle: Double?

    @Option(help: "Store and commit after this many messages…")
    var batchSize = 500

    @Option(help: "…or after the oldest message in hand waited this many milliseconds.")
    var batchIntervalMs = 500

    @Option(help: "Consumer group session timeout in milliseconds.")
    var sessionTimeoutMs = 6_000

    @Option(help: "Maximum time between polls before the group evicts this member, in milliseconds.")
    var maxPollIntervalMs = 10_000

    func validate() throws {
        if let untilIdle, untilIdle <= 0 { throw ValidationError("--until-idle must be positive") }
        guard batchSize > 0, batchIntervalMs > 0 else {
            throw ValidationError("batch size and interval must be positive")
        }
    }

    func run() async throws {
        let logger = Logger(label: "akhbar.enricher")
        let service: EnricherService
        do {
            service = try EnricherService(
                configuration: enricherConfiguration,
                store: try ArticleStore(path: db),
                enricher: try ArticleEnricher(),
                logger: logger
            )
        } catch {
            printToStandardError("akhbar-enricher: \(error)")
            throw ExitCode.failure
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        do {
            try await group.run()
        } catch {
            printToStandardError("akhbar-enricher: stopped on error: \(error)")
            print("enricher: \(service.counters)")
            throw ExitCode.failure
        }
        print("enricher: \(service.counters)")
    }

    private var enricherConfiguration: EnricherConfiguration {
        EnricherConfiguration(
            topic: topic,
            consumer: KafkaConsumerConfiguration(
                bootstrapServers: connection.bootstrapServers,
                clientID: "akhbar-enricher",
                groupID: group,
                sessionTimeout: .milliseconds(sessionTimeoutMs),
                maxPollInterval: .milliseconds(maxPollIntervalMs),
                librdkafkaOverrides: connection.librdkafkaOverrides
            ),
            producer: KafkaProducerConfiguration(
                bootstrapServers: connection.bootstrapServers,
                clientID: "akhbar-enricher-dlq",
                librdkafkaOverrides: connection.librdkafkaOverrides
            ),
            admin: KafkaAdminConfiguration(
                bootstrapServers: connection.bootstrapServers,
                clientID: "akhbar-enricher-admin",
                librdkafkaOverrides: connection.librdkafkaOverrides
            ),
            batchSize: batchSize,
            batchInterval: .milliseconds(batchIntervalMs),
            untilIdle: untilIdle.map { .milliseconds(Int($0 * 1000)) }
        )
    }
}
