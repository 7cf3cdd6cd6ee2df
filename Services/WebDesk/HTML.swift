import Foundation

/// A piece of HTML that is safe to send: text only enters it escaped.
///
/// Article text is scraped from the web, so nothing a store returns may become markup. Interpolating a `String`
/// escapes it; only another `HTML` value goes in as it is, and those are built by this module alone.
struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation {
    private(set) var markup: String

    init(stringLiteral literal: String) {
        markup = literal
    }

    init(stringInterpolation: Interpolation) {
        markup = stringInterpolation.markup
    }

    /// `text`, escaped for element content and quoted attribute values alike.
    init(escaping text: some StringProtocol) {
        markup = ""
        markup.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": markup += "&amp;"
            case "<": markup += "&lt;"
            case ">": markup += "&gt;"
            case "\"": markup += "&quot;"
            case "'": markup += "&#39;"
            default: markup.unicodeScalars.append(character)
            }
        }
    }

    static func + (lhs: HTML, rhs: HTML) -> HTML {
        HTML(markup: lhs.markup + rhs.markup)
    }

    static func += (lhs: inout HTML, rhs: HTML) {
        lhs.markup += rhs.markup
    }

    private init(markup: String) {
        self.markup = markup
    }

    struct Interpolation: StringInterpolationProtocol {
        fileprivate var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) {
            markup += literal
        }

        mutating func appendInterpolation(_ text: some StringProtocol) {
            markup += HTML(escaping: text).markup
        }

        mutating func appendInterpolation(_ html: HTML) {
            markup += html.markup
        }

        mutating func appendInterpolation(_ number: Int) {
            markup += String(number)
        }

        /// A coordinate or size in a drawing, to a tenth.
        mutating func appendInterpolation(_ number: Double) {
            markup += String(format: "%.1f", number)
        }

        mutating func appendInterpolation(_ parts: [HTML]) {
            for part in parts { markup += part.markup }
        }
    }
}

extension Sequence {
    /// One piece of HTML per element, joined.
    func html(_ transform: (Element) throws -> HTML) rethrows -> HTML {
        var joined: HTML = ""
        for element in self { joined += try transform(element) }
        return joined
    }
}
