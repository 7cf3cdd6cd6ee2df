import Foundation

/// The fields of a query string or a form body (`application/x-www-form-urlencoded`): `+` is a space, the rest
/// percent-decoded. A field named twice keeps its last value; one that does not decode is left out.
enum FormFields {
    static func parse(_ encoded: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in encoded.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]) else { continue }
            fields[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    private static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
