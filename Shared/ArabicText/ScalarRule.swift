/// What normalization does with one scalar (after presentation forms are expanded).
enum ScalarRule: Equatable {
    /// Emit this scalar (the same one or its replacement).
    case emit(Unicode.Scalar)
    /// Belongs to the preceding letter: delete it, and extend that letter's source range over it.
    case attach
    /// Invisible; delete it.
    case delete
    /// Horizontal whitespace; runs collapse into one space.
    case space
    /// A line break; CR LF counts as one.
    case lineBreak

    /// The rule for `scalar` in the given normalization form.
    static func rule(for scalar: Unicode.Scalar, form: ArabicNormalizer.Form) -> ScalarRule {
        rule(for: scalar, form: form, table: table(for: form))
    }

    /// The rules of a form below U+0700, for loops that look up many scalars: copying the
    /// table into a local once saves the initialization check of every static constant access.
    static func table(for form: ArabicNormalizer.Form) -> [ScalarRule] {
        form == .display ? displayTable : keyTable
    }

    /// The rule for `scalar`, looked up in `table` when it is below U+0700.
    @inline(__always)
    static func rule(for scalar: Unicode.Scalar, form: ArabicNormalizer.Form, table: [ScalarRule]) -> ScalarRule {
        scalar.value < tableSize ? table[Int(scalar.value)] : definedRule(for: scalar, form: form)
    }

    // The rules of the scalars below U+0700 (ASCII, Latin-1, Arabic), built once from
    // `definedRule`, so that the common case is one lookup.
    private static var tableSize: UInt32 { 0x0700 }
    private static let displayTable = (0..<tableSize).map { definedRule(for: Unicode.Scalar($0)!, form: .display) }
    private static let keyTable = (0..<tableSize).map { definedRule(for: Unicode.Scalar($0)!, form: .matchingKey) }

    /// The rule for `scalar`, from its definition.
    private static func definedRule(for scalar: Unicode.Scalar, form: ArabicNormalizer.Form) -> ScalarRule {
        let value = scalar.value
        if value < 0x80 {
            return asciiRule(scalar, form: form)
        }
        if (0x0600...0x06FF).contains(value) {
            return arabicRule(scalar, form: form)
        }
        return otherRule(scalar, form: form)
    }

    private static func asciiRule(_ scalar: Unicode.Scalar, form: ArabicNormalizer.Form) -> ScalarRule {
        switch scalar.value {
        case 0x20, 0x09, 0x0B, 0x0C: return .space
        case 0x0A, 0x0D: return .lineBreak
        case 0x00...0x1F, 0x7F: return .delete
        case 0x41...0x5A where form == .matchingKey: return .emit(Unicode.Scalar(UInt8(scalar.value + 0x20)))
        default: return .emit(scalar)
        }
    }

    private static func arabicRule(_ scalar: Unicode.Scalar, form: ArabicNormalizer.Form) -> ScalarRule {
        let letter: Unicode.Scalar
        switch scalar.value {
        case 0x0640: return .attach  // tatweel stretches the letter before it
        case 0x061C: return .delete  // Arabic letter mark (bidi)
        case 0x0660...0x0669: return .emit(Unicode.Scalar(UInt8(scalar.value - 0x0660 + 0x30)))
        case 0x06F0...0x06F9: return .emit(Unicode.Scalar(UInt8(scalar.value - 0x06F0 + 0x30)))
        case 0x066A: return .emit("%")
        case 0x066B: return .emit(".")
        case 0x066C: return .emit(",")
        case 0x06CC, 0x06D2: letter = "\u{064A}"  // Persian yeh, yeh barree → yeh
        case 0x06A9, 0x06AA: letter = "\u{0643}"  // keheh, swash kaf → kaf
        case 0x06C0, 0x06C1, 0x06C2, 0x06BE, 0x06D5: letter = "\u{0647}"  // Persian and Urdu heh forms → heh
        case 0x06D3: letter = "\u{0626}"  // yeh barree with hamza above: ے → ي, and ي with hamza above is ئ
        case 0x06C3: letter = "\u{0629}"  // teh marbuta goal
        default: letter = scalar
        }
        guard form == .matchingKey else { return .emit(letter) }
        switch letter.value {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8,
            0x06EA...0x06ED:
            return .attach
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0675: return .emit("\u{0627}")
        case 0x0649: return .emit("\u{064A}")
        case 0x0629: return .emit("\u{0647}")
        default: return .emit(letter)
        }
    }

    /// The letter that a hamza above (U+0654) written as a separate mark turns `letter` into in
    /// the matching key: Unicode composes و + ٔ into ؤ and ي + ٔ into ئ, so both spellings of
    /// one word must share a key. Alef forms need nothing here: they all fold into ا anyway.
    static func composingHamzaAbove(with letter: Unicode.Scalar) -> Unicode.Scalar? {
        switch letter.value {
        case 0x0648: return "\u{0624}"
        case 0x064A: return "\u{0626}"
        default: return nil
        }
    }

    private static func otherRule(_ scalar: Unicode.Scalar, form: ArabicNormalizer.Form) -> ScalarRule {
        switch scalar.value {
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x85, 0x2028, 0x2029: return .lineBreak
        case 0x80...0x9F, 0xAD, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F,
            0xFEFF:
            return .delete
        case 0x201C...0x201F, 0xAB, 0xBB, 0x2033, 0x275D, 0x275E, 0x301D...0x301F, 0xFF02: return .emit("\"")
        case 0x2018...0x201B, 0x2032, 0x2039, 0x203A, 0xFF07: return .emit("'")
        case 0x08E2: return .delete
        case 0x08D3...0x08FF where form == .matchingKey: return .attach
        default:
            if form == .matchingKey, scalar.properties.generalCategory == .nonspacingMark {
                return .attach
            }
            return .emit(scalar)
        }
    }
}
