import ArgumentParser
import Foundation
import Logging
import ServiceCommandLine
import StorePort
import WebDesk

/// `akhbar-enricher serve-web`: the analysts' web view over the store.
///
/// Read-only and apart from the enrichers, like `serve-query`: it needs no broker and answers while they restart
/// or replay.
struct ServeWebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-web",
        abstract: "Serve the web view of the store: search, articles, entities, overview, exports.",
        discussion: """
            Prints "web view: http://HOST:PORT/" once it accepts requests; SIGTERM or SIGINT lets running \
            requests finish, then exits. With a token (--token-file or $\(GRPCServerOptions.tokenVariable), the \
            same as the gRPC servers'), every page asks for it: as Authorization: Bearer, or once in a login form.
            """
    )

    @OptionGroup var storage: StoreOptions

    @Option(help: "The address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one and prints it.")
    var port = 8080

    @OptionGroup var logging: LoggingOptions

    @Option(help: "File holding the bearer token readers must give (default: $\(GRPCServerOptions.tokenVariable)).")
    var tokenFile: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
    }

    func run() async throws {
        let logger = logging.bootstrap(label: "akhbar.web")
        let desk: WebDesk
        do {
            let token = try GRPCServerOptions.token(fromFile: tokenFile)
            let store = try await storage.open(creating: false, logger: logger)
            desk = try WebDesk(store: store, configuration: WebDesk.Configuration(host: host, port: port, token: token))
        } catch {
            printToStandardError("akhbar-enricher serve-web: \(error)")
            throw ExitCode.failure
        }
        let host = host
        do {
            try await desk.run(logger: logger) { port in
                let shown = host.contains(":") ? "[\(host)]" : host
                print("web view: http://\(shown):\(port)/")
                fflush(nil)
            }
        } catch {
            printToStandardError("akhbar-enricher serve-web: \(error)")
            throw ExitCode.failure
        }
    }
}
