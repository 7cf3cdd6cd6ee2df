/// One line of a gazetteer: a canonical form, its kind and every form it is written in.
struct GazetteerEntry: Sendable, Hashable {
    let kind: LexiconKind
    /// The form entities are reported under (for months, the month number).
    let canonical: String
    /// The canonical form followed by its aliases, as written in the file.
    let forms: [String]
    /// Whether the trained model reads the entry (``Gazetteer/modelFingerprint``); the rules read every entry.
    let informsModel: Bool

    init(kind: LexiconKind, canonical: String, forms: [String], informsModel: Bool = true) {
        self.kind = kind
        self.canonical = canonical
        self.forms = forms
        self.informsModel = informsModel
    }
}
