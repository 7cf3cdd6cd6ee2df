import ArgumentParser
import EnricherCore
import EntityTagging
import Foundation
import Kafka
import Logging
import OperatorHTTP
import ServiceCommandLine
import ServiceLifecycle
import Telemetry
import UnixSignals

/// The options of the consuming commands (`run`, `replay`) and the service they start.
struct EnricherRunOptions: ParsableArguments {
    @OptionGroup var connection: KafkaConnectionOptions

    @Option(help: "The topic of raw articles.")
    var topic = "articles.raw"

    @Option(help: "The consumer group; enrichers in one group share the partitions.")
    var group = "akhbar-enrichers"

    @OptionGroup var storage: StoreOptions

    @Option(
        help: """
            Exit 0 once the group has read every partition of the topic to its end and no message arrived for this \
            many seconds (after ten such quiet periods with messages left, exit 0 saying how many).
            """)
    var untilIdle: Double?

    @Option(help: "Store and commit after this many messages…")
    var batchSize = 500

    @Option(help: "…or after the oldest message in hand waited this many milliseconds.")
    var batchIntervalMs = 500

    /// Short, so that a group forms in seconds and a crashed member's partitions move on quickly.
    static let defaultSessionTimeoutMs = 6_000

    @Option(help: "Consumer group session timeout in milliseconds.")
    var sessionTimeoutMs = defaultSessionTimeoutMs

    /// Short, so that a new group's first assignment is not held back (the join waits on it).
    static let defaultMaxPollIntervalMs = 10_000

    @Option(help: "Maximum time between polls before the group evicts this member, in milliseconds.")
    var maxPollIntervalMs = defaultMaxPollIntervalMs

    @Option(help: "A directory of gazetteer .tsv files to use instead of the bundled ones.")
    var gazetteers: String?

    @OptionGroup var operatorEndpoints: OperatorOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let untilIdle, untilIdle <= 0 { throw ValidationError("--until-idle must be positive") }
        guard batchSize > 0, batchIntervalMs > 0 else {
            throw ValidationError("batch size and interval must be positive")
        }
    }

    /// The service's settings, as member of `groupID`.
    /// - Parameter startTimestamp: where partitions the group never committed start (a replay's `--from`).
    func configuration(groupID: String, startTimestamp: Int64? = nil) -> EnricherConfiguration {
        EnricherConfiguration(
            topic: topic,
            consumer: KafkaConsumerConfiguration(
                bootstrapServers: connection.bootstrapServers,
                clientID: "akhbar-enricher",
                groupID: groupID,
                sessionTimeout: .milliseconds(sessionTimeoutMs),
                maxPollInterval: .milliseconds(maxPollIntervalMs),
                startTimestamp: startTimestamp,
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
            untilIdle: untilIdle.map { .milliseconds(Int($0 * 1000)) },
            connectPatience: connection.connectPatience
        )
    }

    /// Runs the enricher service until SIGTERM/SIGINT (or idleness), its spans exported when the `OTEL_*` variables
    /// ask for it, then prints what it did.
    /// - Throws: `ExitCode.failure` when it cannot start or stops on an error.
    func runService(_ configuration: EnricherConfiguration, loggerLabel: String) async throws {
        let logger = logging.bootstrap(label: loggerLabel)
        try await TraceExport.run(serviceName: "akhbar-enricher", version: AkhbarRelease.version, logger: logger) {
            try await runService(configuration, logger: logger)
        }
    }

    private func runService(_ configuration: EnricherConfiguration, logger: Logger) async throws {
        // Before the service exists: its metrics bind to the backend when they are made.
        let registry = operatorEndpoints.bootstrapMetrics()
        let service: EnricherService
        let enrichmentVersion: String
        do {
            let enricher = try ArticleEnricher(gazetteerDirectory: gazetteers.map { URL(fileURLWithPath: $0) })
            enrichmentVersion = enricher.enrichmentVersion
            logger.info("enrichment version", metadata: ["version": "\(enricher.enrichmentVersion)"])
            service = try EnricherService(
                configuration: configuration,
                store: try await storage.open(creating: true, logger: logger),
                enricher: enricher,
                logger: logger
            )
        } catch {
            printToStandardError("akhbar-enricher: \(error)")
            throw ExitCode.failure
        }
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)
        ]
        if let registry {
            let endpoints = operatorEndpoints.endpoints(
                serving: registry, program: "akhbar-enricher", helpTexts: EnricherMetricFamily.helpTexts,
                buildLabels: [("enrichment_version", enrichmentVersion)]
            ) { [service] in
                service.notReadyReason.map { .notReady(reason: $0) } ?? .ready
            }
            services.append(.init(service: endpoints.service(logger: logger)))
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            printToStandardError("akhbar-enricher: stopped on error: \(error)")
            print("enricher: \(service.counters)")
            throw ExitCode.failure
        }
        print("enricher: \(service.counters)")
        print("enricher stages: \(service.stageTimes)")
    }
}
