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
        normalize(text, form: .display)
    }

    /// The matching key of `text`, with offsets into its Unicode scalars.
    public func matchingKey(_ text: String) -> NormalizedText {
        normalize(text, form: .matchingKey)
    }

    /// The matching key of `text` as a plain string, for lexicon lookups.
    public func key(_ text: some StringProtocol) -> String {
        normalize(text, form: .matchingKey).string
    }

    /// Normalizes a string; offsets count its Unicode scalars.
    public func normalize(_ text: some StringProtocol, form: Form) -> NormalizedText {
        normalize([Unicode.Scalar](scalarsOf: text), form: form)
    }

    /// Normalizes a sequence of scalars; offsets count positions in that sequence.
    public func normalize(_ scalars: some Sequence<Unicode.Scalar>, form: Form) -> NormalizedText {
        normalize(Array(scalars), form: form)
    }

    // Generic code called from another module runs unspecialized, which is several times slower
    // here; these overloads take the common argument types without a generic parameter.

    /// Normalizes scalars; offsets count positions from the start of the slice.
    public func normalize(_ scalars: ArraySlice<Unicode.Scalar>, form: Form) -> NormalizedText {
        scalars.withUnsafeBufferPointer { normalize(contiguous: $0, form: form) }
    }

    /// Normalizes scalars; offsets count positions in the array.
    public func normalize(_ scalars: [Unicode.Scalar], form: Form) -> NormalizedText {
        scalars.withUnsafeBufferPointer { normalize(contiguous: $0, form: form) }
    }

    /// The normalization itself. It runs over every scalar of every article, so it writes into
    /// preallocated buffers: `Array.append` would cost more than the rest of the loop.
    private func normalize(contiguous input: UnsafeBufferPointer<Unicode.Scalar>, form: Form) -> NormalizedText {
        // The output is at most the input with every presentation form expanded.
        var bound = input.count
        for scalar in input where scalar.value >= 0xFB50 {
            bound += (PresentationForms.expansion(of: scalar)?.count ?? 1) - 1
        }
        let rules = ScalarRule.table(for: form)
        var spans: [NormalizedText.SourceSpan] = []
        let output = [Unicode.Scalar](unsafeUninitializedCapacity: bound) { scalarBuffer, scalarCount in
            spans = [NormalizedText.SourceSpan](unsafeUninitializedCapacity: bound) { spanBuffer, spanCount in
                var count = 0
                var last = Last.nothing
                var carriageReturnIndex: UInt32 = .max
                var index: UInt32 = 0

                @inline(__always)
                func emit(_ scalar: Unicode.Scalar) {
                    scalarBuffer.initializeElement(at: count, to: scalar)
                    spanBuffer.initializeElement(
                        at: count, to: NormalizedText.SourceSpan(start: index, end: index &+ 1))
                    count += 1
                }

                @inline(__always)
                func apply(_ rule: ScalarRule, _ scalar: Unicode.Scalar) {
                    switch rule {
                    case .emit(let emitted):
                        emit(emitted)
                        last = .text
                    case .attach:
                        guard last == .text else { return }
                        spanBuffer[count - 1].end = index &+ 1
                        if scalar == "\u{0654}", form == .matchingKey,
                            let composed = ScalarRule.composingHamzaAbove(with: scalarBuffer[count - 1])
                        {
                            scalarBuffer[count - 1] = composed
                        }
                    case .delete:
                        return
                    case .space:
                        if last == .space {
                            spanBuffer[count - 1].end = index &+ 1
                        } else {
                            emit(" ")
                            last = .space
                        }
                    case .lineBreak:
                        if scalar == "\n", last == .lineBreak, carriageReturnIndex &+ 1 == index {
                            spanBuffer[count - 1].end = index &+ 1
                        } else {
                            emit("\n")
                            last = .lineBreak
                        }
                        if scalar == "\r" { carriageReturnIndex = index }
                    }
                }

                for scalar in input {
                    if scalar.value >= 0xFB50, let expansion = PresentationForms.expansion(of: scalar) {
                        for expanded in expansion { apply(ScalarRule.rule(for: expanded, form: form), expanded) }
                    } else {
                        apply(ScalarRule.rule(for: scalar, form: form, table: rules), scalar)
                    }
                    index &+= 1
                }
                spanCount = count
            }
            scalarCount = spans.count  // as many scalars as spans were written
        }
        return NormalizedText(scalars: output, spans: spans, sourceCount: input.count)
    }

    /// What the normalized text ends with so far: runs of spaces and CR LF pairs collapse.
    private enum Last { case nothing, text, space, lineBreak }
}
