/// The rules an article's short fields keep wherever the article enters: files, JSON Lines, gRPC and the topic
/// all check them through ``RawArticle/fieldViolation()``, so no entry lets through what another refuses.
///
/// Ids are keys in Kafka, SQLite and URLs: a control character in one (a NUL cuts a C string) or an unbounded
/// length would make two articles one, or make every message that quotes the id unbounded.
public enum ArticleFieldRules {
    /// The longest article id, in UTF-8 bytes.
    public static let maxIDBytes = 256
    /// The longest URL, in UTF-8 bytes.
    public static let maxURLBytes = 4_096
    /// The longest source name, in UTF-8 bytes.
    public static let maxSourceBytes = 256
    /// The longest title, in UTF-8 bytes.
    public static let maxTitleBytes = 4_096
    /// How many bytes all of the short fields above take at most, for budgets of the whole message.
    public static let maxShortFieldBytes = maxIDBytes + maxURLBytes + maxSourceBytes + maxTitleBytes

    /// How much of a user's input an error message quotes.
    public static let quotedCharacters = 64

    /// `text` as an error message quotes it: at most ``quotedCharacters`` characters, control characters shown
    /// as escapes, and the full size when it was cut.
    public static func quoted(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars.prefix(quotedCharacters) {
            shown += scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: true) : String(scalar)
        }
        let cut = text.unicodeScalars.count > quotedCharacters
        return "\"" + shown + (cut ? "…\" (\(text.utf8.count) bytes)" : "\"")
    }
}

/// Which field of an article broke a rule.
public enum ArticleField: String, Sendable, Hashable {
    case id, url, source, title, body
}

/// How an article field breaks ``ArticleFieldRules``.
public struct ArticleFieldViolation: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        /// The field is empty or only white space where it must say something.
        case blank
        /// The field is longer than its limit.
        case tooLong(bytes: Int, limit: Int)
        /// The field holds a control character (U+0000–U+001F, U+007F–U+009F) where none may stand.
        case controlCharacter(Unicode.Scalar)
    }

    public let field: ArticleField
    public let problem: Problem

    public init(field: ArticleField, problem: Problem) {
        self.field = field
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .blank: "\(field.rawValue) is empty"
        case .tooLong(let bytes, let limit): "\(field.rawValue) is \(bytes) bytes, over the limit of \(limit)"
        case .controlCharacter(let scalar):
            "\(field.rawValue) contains the control character \(scalar.escaped(asASCII: true))"
        }
    }
}

extension RawArticle {
    /// The first way this article's fields break ``ArticleFieldRules``, or nil when they keep them.
    ///
    /// The body needs only to say something: a page's line breaks and tabs are text, and the size of a body is
    /// bounded by each entry's own limit.
    public func fieldViolation() -> ArticleFieldViolation? {
        if let problem = Self.problem(ofKey: id, limit: ArticleFieldRules.maxIDBytes) {
            return ArticleFieldViolation(field: .id, problem: problem)
        }
        // A scraped title may keep the page's line breaks; a URL or a source name is one line.
        let optional: [(ArticleField, String?, Int, allowsLineBreaks: Bool)] = [
            (.url, url, ArticleFieldRules.maxURLBytes, false),
            (.source, source, ArticleFieldRules.maxSourceBytes, false),
            (.title, title, ArticleFieldRules.maxTitleBytes, true),
        ]
        for (field, value, limit, allowsLineBreaks) in optional {
            guard let value else { continue }
            if let problem = Self.problem(of: value, limit: limit, allowsLineBreaks: allowsLineBreaks) {
                return ArticleFieldViolation(field: field, problem: problem)
            }
        }
        if !body.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
            return ArticleFieldViolation(field: .body, problem: .blank)
        }
        if let nul = body.unicodeScalars.first(where: { $0 == "\0" }) {
            return ArticleFieldViolation(field: .body, problem: .controlCharacter(nul))
        }
        return nil
    }

    /// Keys must say something and hold no control character at all.
    private static func problem(ofKey key: String, limit: Int) -> ArticleFieldViolation.Problem? {
        guard key.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return .blank }
        return problem(of: key, limit: limit, allowsLineBreaks: false)
    }

    /// Other short fields may be empty (a source that gave an empty title) but hold no control character other
    /// than, where allowed, tabs and line breaks.
    private static func problem(of text: String, limit: Int, allowsLineBreaks: Bool) -> ArticleFieldViolation.Problem? {
        let bytes = text.utf8.count
        if bytes > limit { return .tooLong(bytes: bytes, limit: limit) }
        let control = text.unicodeScalars.first { scalar in
            scalar.properties.generalCategory == .control
                && !(allowsLineBreaks && (scalar == "\t" || scalar == "\n" || scalar == "\r"))
        }
        return control.map { .controlCharacter($0) }
    }
}
