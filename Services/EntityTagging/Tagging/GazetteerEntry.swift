/// One line of a gazetteer: a canonical form, its kind and every form it is written in.
struct GazetteerEntry: Sendable, Hashable {
    let kind: LexiconKind
    /// The form entities are reported under (for months, the month number).
    let canonical: String
    /// The canonical form followed by its aliases, as written in the file.
    let forms: [String]

    init(kind: LexiconKind, canonical: String, forms: [String]) {
        self.kind = kind
        self.canonical = canonical
        self.forms = forms
    }
}
