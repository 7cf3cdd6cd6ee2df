public import ArgumentParser
import Foundation
public import GRPCHosting

/// Command-line options of a gRPC server, shared by both services.
public struct GRPCServerOptions: ParsableArguments {
    /// The environment variable a bearer token is read from when no file is named.
    public static let tokenVariable = "AKHBAR_GRPC_TOKEN"

    @Option(help: "The address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one and prints it.")
    var port: Int

    @Option(help: "PEM certificate chain; serves TLS together with --tls-key.")
    var tlsCert: String?

    @Option(help: "PEM private key of --tls-cert.")
    var tlsKey: String?

    @Option(
        help: "File holding the bearer token clients must send (default: $\(tokenVariable); no token: no check).")
    var tokenFile: String?

    @Option(help: "Largest request message in bytes; larger ones fail with RESOURCE_EXHAUSTED.")
    var maxMessageBytes = GRPCServerConfiguration.defaultMaxRequestBytes

    public init() {}

    public func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
        guard maxMessageBytes > 0 else { throw ValidationError("--max-message-bytes must be positive") }
    }

    /// The bearer token in `file`, else in `$AKHBAR_GRPC_TOKEN`; nil when neither is set. Every server that asks for
    /// the token (gRPC and the web view) reads it here, so one token opens them all.
    public static func token(fromFile file: String?) throws(BearerTokenError) -> BearerToken? {
        if let file {
            try BearerToken(contentsOfFile: file)
        } else if let value = ProcessInfo.processInfo.environment[tokenVariable] {
            try BearerToken(value)
        } else {
            nil
        }
    }

    /// The server configuration these options describe, the token read from its file or the environment.
    public func configuration() throws(BearerTokenError) -> GRPCServerConfiguration {
        let token = try Self.token(fromFile: tokenFile)
        let tls = tlsCert.flatMap { cert in
            tlsKey.map { GRPCServerConfiguration.TLSFiles(certificateChain: cert, privateKey: $0) }
        }
        return GRPCServerConfiguration(host: host, port: port, tls: tls, token: token, maxRequestBytes: maxMessageBytes)
    }
}
