/// Text laid out for a terminal that applies the Unicode bidirectional algorithm.
///
/// Such a terminal lays out a line with Arabic in it right to left as a whole, so columns of Latin fields and
/// Arabic fields trade places. A field between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069)
/// takes its direction from its own first letter and leaves the order of the columns around it alone.
public enum TerminalText {
    /// `text` as an isolated field.
    public static func isolated(_ text: String) -> String {
        "\u{2068}\(text)\u{2069}"
    }

    /// `text` followed by spaces up to `width` characters and at least one: a column that never cuts its value.
    public static func column(_ text: String, width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }
}
