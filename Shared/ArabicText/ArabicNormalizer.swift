/// Normalizes Arabic text for display and for matching, keeping a map back to the source.
///
/// Both forms expand Arabic presentation forms (NFKC on U+FB50–U+FDFF and U+FE70–U+FEFC only),
/// fold Persian and Urdu letters (ی ک ۀ ە …) into Arabic ones, remove tatweel, zero-width and
/// bidi controls, unify quotes (“ ” « » → ", ‘ ’ → '), collapse horizontal whitespace into one
/// space, turn every line break into "\n" and Arabic-Indic and Eastern digits into ASCII.
///
/// The matching key also strips diacritics, folds alef forms (أ إ آ ٱ → ا), ى → ي, ة → ه and
/// lowercases ASCII letters, so that spelling variants of one name share one key. A hamza above
/// written as a separate mark after و or ي makes ؤ or ئ, so that canonically equivalent texts
/// (precomposed or decomposed hamza) share one key too.
///
/// Both forms are idempotent: normalizing a normalized text changes nothing.
public struct ArabicNormalizer: Sendable {
    /// Which normalization to apply.
    public enum Form: Sendable, Hashable {
        /// Clean text for storage and display; keeps diacritics and letter forms.
        case display
        /// A key for comparing words and names; see ``ArabicNormalizer``.
        case matchingKey
    }

    public init() {}

    /// The display normalization of `text`, with offsets into its Unicode scalars.
    public func display(_ text: String) -> NormalizedText {
        normalize(text.unicodeScalars, form: .display)
    }

    /// The matching key of `text`, with offsets into its Unicode scalars.
    public func matchingKey(_ text: String) -> NormalizedText {
        normalize(text.unicodeScalars, form: .matchingKey)
    }

    /// The matching key of `text` as a plain string, for lexicon lookups.
    public func key(_ text: some StringProtocol) -> String {
        normalize(text.unicodeScalars, form: .matchingKey).string
    }

    /// Normalizes a sequence of scalars; offsets count positions in that sequence.
    public func normalize(_ scalars: some Sequence<Unicode.Scalar>, form: Form) -> NormalizedText {
        var buffer = Buffer(form: form, capacity: scalars.underestimatedCount)
        var index = 0
        for scalar in scalars {
            if let expansion = PresentationForms.expansion(of: scalar) {
                for expanded in expansion {
                    buffer.apply(ScalarRule.rule(for: expanded, form: form), scalar: expanded, at: index)
                }
            } else {
                buffer.apply(ScalarRule.rule(for: scalar, form: form), scalar: scalar, at: index)
            }
            index += 1
        }
        return NormalizedText(
            scalars: buffer.scalars,
            sourceStarts: buffer.starts,
            sourceEnds: buffer.ends,
            sourceCount: index
        )
    }
}

extension ArabicNormalizer {
    /// Accumulates normalized scalars and their source ranges.
    private struct Buffer {
        private enum Last { case nothing, text, space, lineBreak }

        let form: Form
        var scalars: [Unicode.Scalar] = []
        var starts: [Int] = []
        var ends: [Int] = []
        private var last = Last.nothing
        private var carriageReturnIndex = -2

        init(form: Form, capacity: Int) {
            self.form = form
            scalars.reserveCapacity(capacity)
            starts.reserveCapacity(capacity)
            ends.reserveCapacity(capacity)
        }

        mutating func apply(_ rule: ScalarRule, scalar: Unicode.Scalar, at index: Int) {
            switch rule {
            case .emit(let output):
                append(output, at: index)
                last = .text
            case .attach:
                guard last == .text else { break }
                ends[ends.count - 1] = index + 1
                if scalar == "\u{0654}", form == .matchingKey,
                    let composed = ScalarRule.composingHamzaAbove(with: scalars[scalars.count - 1])
                {
                    scalars[scalars.count - 1] = composed
                }
            case .delete:
                break
            case .space:
                if last == .space {
                    ends[ends.count - 1] = index + 1
                } else {
                    append(" ", at: index)
                    last = .space
                }
            case .lineBreak:
                if scalar == "\n", last == .lineBreak, carriageReturnIndex == index - 1 {
                    ends[ends.count - 1] = index + 1
                } else {
                    append("\n", at: index)
                    last = .lineBreak
                }
                if scalar == "\r" { carriageReturnIndex = index }
            }
        }

        private mutating func append(_ scalar: Unicode.Scalar, at index: Int) {
            scalars.append(scalar)
            starts.append(index)
            ends.append(index + 1)
        }
    }
}
