import Crypto
import Foundation

/// The secret a client must present as `authorization: Bearer <token>`.
///
/// Only the SHA-256 digest is kept, and presented tokens are compared by digest in constant time, so
/// neither the timing nor the length of a wrong guess tells how close it was.
public struct BearerToken: Sendable {
    private let digest: [UInt8]

    /// - Throws: `BearerTokenError.empty` for a token that is empty or only whitespace.
    public init(_ token: String) throws(BearerTokenError) {
        let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        digest = Array(SHA256.hash(data: Data(trimmed.utf8)))
    }

    /// Reads the token from a file, ignoring surrounding whitespace such as a final newline.
    public init(contentsOfFile path: String) throws(BearerTokenError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        try self.init(String(decoding: data, as: UTF8.self))
    }

    /// Whether `presented` is the token.
    public func matches(_ presented: String) -> Bool {
        Self.same(digest, Array(SHA256.hash(data: Data(presented.utf8))))
    }

    /// A value that proves the token for one `purpose` without revealing it, such as a browser session cookie:
    /// HMAC-SHA-256 of the purpose keyed by the token's digest, in hex.
    public func derivedValue(for purpose: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(purpose.utf8), using: SymmetricKey(data: digest))
            .map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `presented` is ``derivedValue(for:)`` of `purpose`, compared in constant time.
    public func matchesDerivedValue(_ presented: String, for purpose: String) -> Bool {
        let expected = Array(derivedValue(for: purpose).utf8)
        let other = Array(presented.utf8)
        return other.count == expected.count && Self.same(expected, other)
    }

    /// Whether two byte strings of one length are equal, in time that does not depend on where they differ.
    private static func same(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        zip(lhs, rhs).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Why a bearer token could not be set up.
public enum BearerTokenError: Error, Equatable, CustomStringConvertible {
    case empty
    case unreadable(path: String)

    public var description: String {
        switch self {
        case .empty: "the bearer token is empty"
        case .unreadable(let path): "cannot read the bearer token file \(path)"
        }
    }
}
