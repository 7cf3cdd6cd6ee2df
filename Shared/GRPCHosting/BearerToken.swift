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
        let other = Array(SHA256.hash(data: Data(presented.utf8)))
        return zip(digest, other).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
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
