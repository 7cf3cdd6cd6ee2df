/// A set of lexicon kinds as bits: the recognizers ask "a phrase of one of these kinds here?" for every word, and a
/// `Set<LexiconKind>` literal allocated a hash table for each question.
struct LexiconKinds: OptionSet, Sendable {
    let rawValue: UInt32

    init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    init(_ kind: LexiconKind) {
        rawValue = 1 << UInt32(kind.ordinal)
    }

    static let person = Self(.person)
    static let organization = Self(.organization)
    static let location = Self(.location)
    static let givenName = Self(.givenName)
    static let nationality = Self(.nationality)
    static let role = Self(.role)
    static let organizationHead = Self(.organizationHead)
    static let weakOrganizationHead = Self(.weakOrganizationHead)
    static let namePrefix = Self(.namePrefix)
    static let nameParticle = Self(.nameParticle)
    static let month = Self(.month)
    static let functionWord = Self(.functionWord)
    static let venueHead = Self(.venueHead)
    static let teamHead = Self(.teamHead)

    func contains(_ kind: LexiconKind) -> Bool {
        contains(Self(kind))
    }
}
