import ArgumentParser
import EnricherCore
import Foundation
import GRPCHosting
import Logging
import ServiceCommandLine
import StorePort

/// `akhbar-enricher serve-query`: ArticleQuery over gRPC on the store.
///
/// A command of its own rather than part of `run`: queries need no broker, so they keep answering while
/// enrichers restart, rebalance or replay, and analysts' load scales apart from the consumers. SQLite in WAL
/// mode lets this reader run beside any number of enrichers writing the same file; PostgreSQL, beside enrichers on
/// any number of hosts.
struct ServeQueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-query",
        abstract: "Serve akhbar.v1.ArticleQuery and the gRPC health service over the store.",
        discussion: """
            Prints "listening on HOST:PORT" once it accepts calls; SIGTERM or SIGINT lets running calls \
            finish, then exits.
            """
    )

    @OptionGroup var storage: StoreOptions

    @OptionGroup var server: GRPCServerOptions

    @OptionGroup var operatorEndpoints: OperatorOptions

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.bootstrap(label: "akhbar.query")
        let registry = operatorEndpoints.bootstrapMetrics()
        let configuration: GRPCServerConfiguration
        let store: any ArticleStore
        do {
            configuration = try server.configuration()
            store = try await storage.open(creating: false, logger: logger)
        } catch {
            printToStandardError("akhbar-enricher serve-query: \(error)")
            throw ExitCode.failure
        }
        do {
            let server = GRPCServerService(
                configuration: configuration, services: [ArticleQueryRPCService(store: store)])
            try await server.runUntilSignalled(
                logger: logger,
                alongside: operatorEndpoints.services(
                    of: server, program: "akhbar-enricher serve-query", registry: registry, logger: logger))
        } catch {
            printToStandardError("akhbar-enricher serve-query: \(error)")
            throw ExitCode.failure
        }
    }
}
