public import Foundation
import NIOSSL
package import PostgresNIO
public import StorePort

/// Where a PostgreSQL store is and how to reach it, read from a `postgres://USER@HOST:PORT/DB[?sslmode=…&sslrootcert=…&schema=…]`
/// address.
///
/// The password never comes from the address: a password in a URL ends up in shell history and in
/// `/proc/PID/cmdline`. It comes from a file or from `PGPASSWORD`, as for PostgreSQL's own tools.
public struct PostgresStoreConfiguration: Sendable {
    /// How the connection uses TLS, with libpq's `sslmode` names.
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, without checking its certificate.
        case prefer
        /// TLS, without checking the certificate.
        case require
        /// TLS, the certificate checked against the trusted roots (or `sslrootcert`) and the host name.
        case verifyFull = "verify-full"
    }

    public let host: String
    public let port: Int
    public let user: String
    public let database: String
    public let tls: TLSMode
    /// A PEM file of the certificate authorities to trust with `verify-full`; the system's when nil.
    public let rootCertificatePath: String?
    /// The schema the tables live in (`?schema=NAME`): several stores can share one database.
    public let schema: String?
    let password: String?

    /// The address without anything secret, for logs and messages.
    public var displayAddress: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (schema.map { "?schema=\($0)" } ?? "")
    }

    /// Reads `address`.
    ///
    /// - Parameters:
    ///   - passwordFile: a file whose first line is the password; otherwise `PGPASSWORD` from `environment`.
    /// - Throws: `StoreError` with `.cannotOpen` for an address that is not `postgres://USER@HOST[:PORT]/DB`, one
    ///   that holds a password, an unknown `sslmode`, or a password file that cannot be read.
    public init(
        address: String, passwordFile: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(StoreError) {
        guard let url = URLComponents(string: address), ["postgres", "postgresql"].contains(url.scheme),
            let host = url.host, !host.isEmpty
        else {
            throw StoreError(.cannotOpen, "the store address must look like postgres://USER@HOST:PORT/DATABASE")
        }
        guard url.password == nil else {
            throw StoreError(
                .cannotOpen,
                "the store address must not hold a password: give it in PGPASSWORD or with --store-password-file")
        }
        self.host = host
        port = url.port ?? 5432
        user = url.user ?? "postgres"
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        database = path.isEmpty ? user : path
        let options = Dictionary(
            (url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let mode = options["sslmode"] ?? TLSMode.prefer.rawValue
        guard let tls = TLSMode(rawValue: mode) else {
            throw StoreError(
                .cannotOpen,
                "unknown sslmode \(mode.debugDescription): use one of "
                    + TLSMode.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self.tls = tls
        rootCertificatePath = options["sslrootcert"]
        schema = options["schema"]
        if let schema, schema.isEmpty || !schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        {
            throw StoreError(
                .cannotOpen, "the schema name \(schema.debugDescription) must be ASCII letters, digits or _")
        }
        if let passwordFile {
            guard let contents = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
                throw StoreError(.cannotOpen, "cannot read the password file \(passwordFile)")
            }
            password = contents.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        } else {
            password = environment["PGPASSWORD"]
        }
    }

    /// The configuration of postgres-nio's connection pool.
    func clientConfiguration() throws(StoreError) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch try tlsConfiguration() {
            case nil: .disable
            case let settings? where tls == .prefer: .prefer(settings)
            case let settings?: .require(settings)
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.additionalStartupParameters = startupParameters
        // Each enricher writes one batch at a time; readers (serve-query) share a few connections.
        configuration.options.maximumConnections = 8
        return configuration
    }

    /// The configuration of a single connection, made outside the pool to hear at once why it fails.
    package func connectionConfiguration() throws(StoreError) -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        do {
            tls =
                switch try tlsConfiguration() {
                case nil: .disable
                case let settings? where self.tls == .prefer: .prefer(try NIOSSLContext(configuration: settings))
                case let settings?: .require(try NIOSSLContext(configuration: settings))
                }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.cannotOpen, "cannot set up TLS: \(error)")
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// Settings every session starts with.
    private var startupParameters: [(String, String)] {
        schema.map { [("search_path", $0)] } ?? []
    }

    /// The TLS settings of ``tls``; nil when TLS is off.
    private func tlsConfiguration() throws(StoreError) -> TLSConfiguration? {
        var settings = TLSConfiguration.makeClientConfiguration()
        switch tls {
        case .disable: return nil
        case .prefer, .require: settings.certificateVerification = .none
        case .verifyFull:
            settings.certificateVerification = .fullVerification
            if let rootCertificatePath {
                do {
                    settings.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(rootCertificatePath))
                } catch {
                    throw StoreError(.cannotOpen, "cannot read the certificates in \(rootCertificatePath): \(error)")
                }
            }
        }
        return settings
    }
}
