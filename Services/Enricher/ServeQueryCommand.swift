import ArgumentParser
import EnricherCore
import Foundation
import GRPCHosting
import Logging
import ServiceCommandLine

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
        let configuration: GRPCServerConfiguration
        let store: ArticleStore
        do {
            configuration = try server.configuration()
            store = try ArticleStore(path: db, access: .existing)
        } catch {
            printToStandardError("akhbar-enricher serve-query: \(error)")
            throw ExitCode.failure
        }
        do {
            try await GRPCServerService(configuration: configuration, services: [ArticleQueryRPCService(store: store)])
                .runUntilSignalled(logger: logger)
        } catch {
            printToStandardError("akhbar-enricher serve-query: \(error)")
            throw ExitCode.failure
        }
    }
}
