/// How a client authenticates to the brokers and encrypts the connection.
///
/// The default is ``plaintext``: no TLS, no SASL, which suits a local broker only.
public struct KafkaSecurityConfiguration: Hashable, Sendable {
    /// librdkafka's `security.protocol`.
    public enum SecurityProtocol: String, Hashable, Sendable {
        /// No encryption, no authentication.
        case plaintext
        /// TLS without SASL.
        case ssl
        /// SASL without TLS.
        case saslPlaintext = "sasl_plaintext"
        /// SASL over TLS.
        case saslSSL = "sasl_ssl"
    }

    /// SASL credentials (`sasl.mechanism`, `sasl.username`, `sasl.password`).
    public struct SASL: Hashable, Sendable {
        /// librdkafka's `sasl.mechanism`.
        public enum Mechanism: String, Hashable, Sendable {
            /// `PLAIN`.
            case plain = "PLAIN"
            /// `SCRAM-SHA-256`.
            case scramSHA256 = "SCRAM-SHA-256"
            /// `SCRAM-SHA-512`.
            case scramSHA512 = "SCRAM-SHA-512"
        }

        /// The SASL mechanism.
        public var mechanism: Mechanism
        /// The user name.
        public var username: String
        /// The password. It goes to librdkafka only and is never logged by this module.
        public var password: String

        /// Creates SASL credentials.
        /// - Parameters:
        ///   - mechanism: The SASL mechanism.
        ///   - username: The user name.
        ///   - password: The password.
        public init(mechanism: Mechanism, username: String, password: String) {
            self.mechanism = mechanism
            self.username = username
            self.password = password
        }
    }

    /// TLS files and checks (`ssl.*`). Paths are passed to librdkafka unchanged.
    public struct TLS: Hashable, Sendable {
        /// `ssl.ca.location`: a CA bundle to verify the brokers; librdkafka's default store when `nil`.
        public var caLocation: String?
        /// `ssl.certificate.location`: the client certificate for mutual TLS.
        public var certificateLocation: String?
        /// `ssl.key.location`: the client private key for mutual TLS.
        public var keyLocation: String?
        /// `ssl.key.password`: the password of ``keyLocation``.
        public var keyPassword: String?
        /// Whether the broker host name must match its certificate (`ssl.endpoint.identification.algorithm`).
        public var verifiesHostname: Bool

        /// Creates TLS settings.
        /// - Parameters:
        ///   - caLocation: A CA bundle to verify the brokers.
        ///   - certificateLocation: The client certificate for mutual TLS.
        ///   - keyLocation: The client private key for mutual TLS.
        ///   - keyPassword: The password of the private key.
        ///   - verifiesHostname: Whether the broker host name must match its certificate.
        public init(
            caLocation: String? = nil,
            certificateLocation: String? = nil,
            keyLocation: String? = nil,
            keyPassword: String? = nil,
            verifiesHostname: Bool = true
        ) {
            self.caLocation = caLocation
            self.certificateLocation = certificateLocation
            self.keyLocation = keyLocation
            self.keyPassword = keyPassword
            self.verifiesHostname = verifiesHostname
        }
    }

    /// The protocol spoken to the brokers.
    public var securityProtocol: SecurityProtocol
    /// SASL credentials; required by ``SecurityProtocol/saslPlaintext`` and ``SecurityProtocol/saslSSL``.
    public var sasl: SASL?
    /// TLS settings, used by ``SecurityProtocol/ssl`` and ``SecurityProtocol/saslSSL``.
    public var tls: TLS?

    /// No TLS and no SASL.
    public static let plaintext = KafkaSecurityConfiguration()

    /// Creates security settings.
    /// - Parameters:
    ///   - securityProtocol: The protocol spoken to the brokers.
    ///   - sasl: SASL credentials.
    ///   - tls: TLS settings.
    public init(securityProtocol: SecurityProtocol = .plaintext, sasl: SASL? = nil, tls: TLS? = nil) {
        self.securityProtocol = securityProtocol
        self.sasl = sasl
        self.tls = tls
    }

    /// The librdkafka properties for these settings; part of each client configuration's map.
    var librdkafkaProperties: [String: String] {
        var properties = ["security.protocol": securityProtocol.rawValue]
        if let sasl {
            properties["sasl.mechanism"] = sasl.mechanism.rawValue
            properties["sasl.username"] = sasl.username
            properties["sasl.password"] = sasl.password
        }
        if let tls {
            properties["ssl.ca.location"] = tls.caLocation
            properties["ssl.certificate.location"] = tls.certificateLocation
            properties["ssl.key.location"] = tls.keyLocation
            properties["ssl.key.password"] = tls.keyPassword
            properties["ssl.endpoint.identification.algorithm"] = tls.verifiesHostname ? "https" : "none"
        }
        return properties
    }
}
