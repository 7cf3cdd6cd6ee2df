import ArgumentParser
import Foundation
import GRPCHosting
import IngestCore
import Kafka
import Logging
import ServiceCommandLine
import Telemetry

/// `akhbar-ingest serve`: IngestService over gRPC, for publishers in any language.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve akhbar.v1.IngestService (Publish, PublishOne) and the gRPC health service.",
        discussion: """
            An article is acknowledged only after the broker acknowledged it. Prints "listening on HOST:PORT" \
            once it accepts calls; SIGTERM or SIGINT lets running calls finish, then exits.
            """
    )

    @OptionGroup var destination: PublishDestination
    @OptionGroup var server: GRPCServerOptions

    @OptionGroup var operatorEndpoints: OperatorOptions

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.bootstrap(label: "akhbar.ingest")
        try await TraceExport.run(serviceName: "akhbar-ingest", version: AkhbarRelease.version, logger: logger) {
            try await serve(logger: logger)
        }
    }

    private func serve(logger: Logger) async throws {
        let registry = operatorEndpoints.bootstrapMetrics()
        let configuration: GRPCServerConfiguration
        do {
            configuration = try server.configuration()
        } catch {
            printToStandardError("akhbar-ingest serve: \(error)")
            throw ExitCode.failure
        }
        let producer = try await destination.connect(logger: logger)
        let service = IngestRPCService(
            publisher: ArticlePublisher(producer: producer, topic: destination.topic),
            maxBodyBytes: destination.articleLimit)
        do {
            let server = GRPCServerService(configuration: configuration, services: [service])
            try await server.runUntilSignalled(
                logger: logger,
                alongside: operatorEndpoints.services(
                    of: server, program: "akhbar-ingest", registry: registry, logger: logger))
        } catch {
            printToStandardError("akhbar-ingest serve: \(error)")
            await producer.shutdown(timeout: .seconds(10))
            throw ExitCode.failure
        }
        // Every acknowledged article is already delivered; this only waits for stragglers of cancelled calls.
        await producer.shutdown(timeout: .seconds(10))
    }
}
