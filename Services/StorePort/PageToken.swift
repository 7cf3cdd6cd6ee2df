import Foundation

/// Where the next page of a list starts, as an opaque URL-safe string handed to callers.
///
/// Each backend decides what its token holds (the sort key and id of the last item returned, for keyset paging)
/// and reads it back through ``fields(count:)``; callers only pass it around.
public struct PageToken: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// A token as a caller sent it back.
    public init(_ value: String) {
        self.value = value
    }

    /// A token holding `fields`, none of which may contain U+001F.
    package init(fields: [String]) {
        value = Data(fields.joined(separator: Self.separator).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The fields of a token made by ``init(fields:)`` with `count` of them.
    ///
    /// - Throws: `StoreError` with code `.invalidCursor` when the token was not made so.
    package func fields(count: Int) throws(StoreError) -> [String] {
        var base64 = value.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let fields = Data(base64Encoded: base64).flatMap { String(data: $0, encoding: .utf8) }?
            .components(separatedBy: Self.separator)
        guard let fields, fields.count == count else { throw invalid }
        return fields
    }

    /// The error for a token this store did not issue.
    package var invalid: StoreError {
        StoreError(.invalidCursor, "page token \(value.prefix(40).debugDescription) was not issued by this store")
    }

    /// The error for a token issued for a different kind of query.
    package static var mismatched: StoreError {
        StoreError(.invalidCursor, "the page token belongs to a different kind of query")
    }

    public var description: String { value }

    /// Unit separator: cannot occur in an id or a time key.
    private static let separator = "\u{1F}"
}
