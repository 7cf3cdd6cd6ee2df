/// How an Akhbar gRPC server listens and whom it serves.
public struct GRPCServerConfiguration: Sendable {
    /// PEM files of the server's certificate chain and private key.
    public struct TLSFiles: Sendable, Equatable {
        public var certificateChain: String
        public var privateKey: String

        public init(certificateChain: String, privateKey: String) {
            self.certificateChain = certificateChain
            self.privateKey = privateKey
        }
    }

    /// The address to bind, such as 127.0.0.1 or 0.0.0.0.
    public var host: String
    /// The port to bind; 0 lets the system choose one (printed once listening).
    public var port: Int
    /// Serve TLS with these files; plaintext when nil.
    public var tls: TLSFiles?
    /// Refuse calls that do not present this token; everyone is served when nil.
    public var token: BearerToken?
    /// The largest request message accepted; larger ones fail with RESOURCE_EXHAUSTED.
    public var maxRequestBytes: Int

    /// What the transport itself accepts: messages above it are cut off unread, with a stream reset
    /// rather than a status (see `MessageSizeInterceptor`), so that no request can make the server
    /// buffer more than this.
    var transportLimit: Int { min(maxRequestBytes, Int(UInt32.max) / 4) * 4 }

    /// 4 MiB, gRPC's usual limit: room for the largest article the codec accepts plus framing.
    public static let defaultMaxRequestBytes = 4 * 1024 * 1024

    public init(
        host: String = "127.0.0.1", port: Int, tls: TLSFiles? = nil, token: BearerToken? = nil,
        maxRequestBytes: Int = defaultMaxRequestBytes
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.token = token
        self.maxRequestBytes = maxRequestBytes
    }
}
