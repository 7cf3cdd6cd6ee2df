import ArgumentParser
import EnricherCore
import Foundation
import GRPCHosting
import Logging
import ServiceCommandLine
import ServiceLifecycle
import UnixSignals

/// `akhbar-enricher serve-query`: ArticleQuery over gRPC on a store file.
///
/// A command of its own rather than part of `run`: queries need no broker, so they keep answering while
/// enrichers restart, rebalance or replay, and analysts' load scales apart from the consumers. SQLite in WAL
/// mode lets this reader run beside any number of enrichers writing the same file.
struct ServeQueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-query",
        abstract: "Serve akhbar.v1.ArticleQuery and the gRPC health service over a store file.",
        discussion: """
            Prints "listening on HOST:PORT" once it accepts calls; SIGTERM or SIGINT lets running calls \
            finish, then exits.
            """
    )

    @Option(help: "The SQLite database file the enrichers write.")
    var db = "akhbar.sqlite"

    @OptionGroup var server: GRPCServerOptions

    func run() async throws {
        let logger = Logger(label: "akhbar.query")
        let services: (GRPCServerConfiguration, ArticleStore)
        do {
            services = (try server.configuration(), try ArticleStore(path: db))
        } catch {
            printToStandardError("akhbar-enricher serve-query: \(error)")
            throw ExitCode.failure
        }
        let grpc = GRPCServerService(
            configuration: services.0, services: [ArticleQueryRPCService(store: services.1)]
        ) { address in
            print("listening on \(address)")
            fflush(nil)  // the line tells scripts the server is up, even when stdout is a pipe
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: grpc)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            printToStandardError("akhbar-enricher serve-query: \(error)")
            throw ExitCode.failure
        }
    }
}
