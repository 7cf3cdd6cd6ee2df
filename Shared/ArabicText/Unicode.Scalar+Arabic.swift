/// What kind of character a scalar is, for the tokenizer, the cleaner and the sentence
/// splitter. The scalars below U+0800 (Latin, Arabic and their marks: nearly all of a news
/// text) are looked up in a table built once from the definitions below; the rest are
/// classified on the spot.
struct ScalarClass: OptionSet, Sendable {
    let rawValue: UInt8

    // Computed, not stored: a static constant is checked for initialization at every use.
    static var arabicLetter: ScalarClass { ScalarClass(rawValue: 1 << 0) }
    static var otherLetter: ScalarClass { ScalarClass(rawValue: 1 << 1) }
    static var digit: ScalarClass { ScalarClass(rawValue: 1 << 2) }
    static var wordMark: ScalarClass { ScalarClass(rawValue: 1 << 3) }
    static var spaceOrLineBreak: ScalarClass { ScalarClass(rawValue: 1 << 4) }
    static var sentenceTerminator: ScalarClass { ScalarClass(rawValue: 1 << 5) }

    /// The classes of the scalars below U+0800. Hot loops copy it into a local first, because
    /// every access to a static constant checks that it is initialized.
    struct Table: Sendable {
        private static var size: UInt32 { 0x0800 }
        private let classes: [ScalarClass] = (0..<size).map { classify(Unicode.Scalar($0)!) }

        @inline(__always)
        func of(_ scalar: Unicode.Scalar) -> ScalarClass {
            scalar.value < Self.size ? classes[Int(scalar.value)] : classify(scalar)
        }
    }

    static let table = Table()

    @inline(__always)
    static func of(_ scalar: Unicode.Scalar) -> ScalarClass { table.of(scalar) }

    private static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        var result: ScalarClass = []
        if scalar.definesArabicLetter { result.insert(.arabicLetter) }
        if scalar.definesOtherLetter { result.insert(.otherLetter) }
        if scalar.definesDigit { result.insert(.digit) }
        if scalar.definesWordMark { result.insert(.wordMark) }
        if scalar.definesSpaceOrLineBreak { result.insert(.spaceOrLineBreak) }
        if scalar.definesSentenceTerminator { result.insert(.sentenceTerminator) }
        return result
    }
}

extension Unicode.Scalar {
    var isArabicLetter: Bool { ScalarClass.of(self).contains(.arabicLetter) }
    var isWordMark: Bool { ScalarClass.of(self).contains(.wordMark) }
    var isDigit: Bool { ScalarClass.of(self).contains(.digit) }
    var isOtherLetter: Bool { ScalarClass.of(self).contains(.otherLetter) }
    var isSpaceOrLineBreak: Bool { ScalarClass.of(self).contains(.spaceOrLineBreak) }
    var isSentenceTerminator: Bool { ScalarClass.of(self).contains(.sentenceTerminator) }
}

/// The definitions behind ``ScalarClass``.
extension Unicode.Scalar {
    /// An Arabic-script letter (basic block, supplement, extended-A), not a mark or digit.
    fileprivate var definesArabicLetter: Bool {
        switch value {
        case 0x0620...0x063F, 0x0641...0x064A, 0x066E, 0x066F, 0x0671...0x06D3, 0x06D5, 0x06EE, 0x06EF,
            0x06FA...0x06FC, 0x06FF, 0x0750...0x077F, 0x08A0...0x08C9:
            return true
        default:
            return false
        }
    }

    /// A combining mark or tatweel: it belongs to the word around it.
    fileprivate var definesWordMark: Bool {
        switch value {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0640, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E8, 0x06EA...0x06ED,
            0x08CA...0x08FF:
            return true
        case 0..<0x0300, 0x0600...0x06FF, 0x0750...0x077F:
            return false
        default:
            let category = properties.generalCategory
            return category == .nonspacingMark || category == .spacingMark || category == .enclosingMark
        }
    }

    /// An ASCII, Arabic-Indic or Eastern Arabic-Indic digit.
    fileprivate var definesDigit: Bool {
        switch value {
        case 0x30...0x39, 0x0660...0x0669, 0x06F0...0x06F9: return true
        default: return false
        }
    }

    /// A letter of any script other than Arabic (Latin names, acronyms, other alphabets).
    fileprivate var definesOtherLetter: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0xC0, 0x0600...0x06FF: return false
        default: return !definesArabicLetter && properties.isAlphabetic && !definesWordMark
        }
    }

    /// Whitespace as the normalizer sees it, including line breaks.
    fileprivate var definesSpaceOrLineBreak: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Ends a sentence: . ! ? … and their Arabic forms.
    fileprivate var definesSentenceTerminator: Bool {
        switch value {
        case 0x2E, 0x21, 0x3F, 0x061F, 0x06D4, 0x2026: return true
        default: return false
        }
    }
}
