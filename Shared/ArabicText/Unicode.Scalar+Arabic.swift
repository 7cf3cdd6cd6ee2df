extension Unicode.Scalar {
    /// An Arabic-script letter (basic block, supplement, extended-A), not a mark or digit.
    var isArabicLetter: Bool {
        switch value {
        case 0x0621...0x063A, 0x0641...0x064A, 0x066E, 0x066F, 0x0671...0x06D3, 0x06D5, 0x06EE, 0x06EF,
            0x06FA...0x06FC, 0x06FF, 0x0750...0x077F, 0x08A0...0x08C9:
            return true
        default:
            return false
        }
    }

    /// A combining mark or tatweel: it belongs to the word around it.
    var isWordMark: Bool {
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
    var isDigit: Bool {
        switch value {
        case 0x30...0x39, 0x0660...0x0669, 0x06F0...0x06F9: return true
        default: return false
        }
    }

    /// A letter of any script other than Arabic (Latin names, acronyms, other alphabets).
    var isOtherLetter: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0xC0: return false
        default: return !isArabicLetter && properties.isAlphabetic && !isWordMark
        }
    }

    /// Whitespace as the normalizer sees it, including line breaks.
    var isSpaceOrLineBreak: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Ends a sentence: . ! ? … and their Arabic forms.
    var isSentenceTerminator: Bool {
        switch value {
        case 0x2E, 0x21, 0x3F, 0x061F, 0x06D4, 0x2026: return true
        default: return false
        }
    }
}
