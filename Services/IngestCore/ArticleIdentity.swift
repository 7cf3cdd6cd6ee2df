import ArabicText
import Crypto
import Foundation

/// Stable article ids: the same article ingested twice gets the same id, so it lands on the same
/// partition and replaces its own row in the store.
public enum ArticleIdentity {
    /// The id for an article: its own `id` when the input gives one, else a hash of its URL, else a
    /// hash of its body's matching key (so whitespace, diacritics and letter-form variants of the
    /// same text agree).
    public static func id(explicit: String?, url: String?, body: String) -> String {
        if let explicit = explicit?.trimmingCharacters(in: .whitespacesAndNewlines), !explicit.isEmpty {
            return explicit
        }
        if let url = url?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty {
            return digest(of: "url:" + url)
        }
        let key = ArabicNormalizer().key(body)
        return digest(of: "body:" + key.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }

    /// The first 8 bytes of SHA-256, as 16 lowercase hex digits.
    private static func digest(of text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
