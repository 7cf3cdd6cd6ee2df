/// A token's tag in the BIO scheme: outside any entity, or at the beginning or inside of one.
public enum BIOTag: Sendable, Hashable {
    case outside
    case begin(NERType)
    case inside(NERType)

    /// Every tag, in the order of ``index``: O, then B and I of each type.
    public static let all: [BIOTag] = [.outside] + NERType.allCases.flatMap { [.begin($0), .inside($0)] }

    /// The number of tags; weight tables have one column per tag.
    package static let count = 9

    /// A dense number for weight tables, the position in ``all``.
    package var index: Int {
        switch self {
        case .outside: 0
        case .begin(let type): 1 + 2 * type.ordinal
        case .inside(let type): 2 + 2 * type.ordinal
        }
    }

    /// Parses `O`, `B-PER`, `I-LOC` …; ANERcorp's original `PERS` is read as `PER`.
    public init?(label: some StringProtocol) {
        if label == "O" {
            self = .outside
            return
        }
        let parts = label.split(separator: "-", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let typeName = parts[1] == "PERS" ? "PER" : String(parts[1])
        guard let type = NERType(rawValue: typeName) else { return nil }
        switch parts[0] {
        case "B": self = .begin(type)
        case "I": self = .inside(type)
        default: return nil
        }
    }

    /// The CoNLL spelling: `O`, `B-PER`, `I-LOC` ….
    public var label: String {
        switch self {
        case .outside: "O"
        case .begin(let type): "B-\(type.rawValue)"
        case .inside(let type): "I-\(type.rawValue)"
        }
    }

    /// The entity type, or `nil` for O.
    public var type: NERType? {
        switch self {
        case .outside: nil
        case .begin(let type), .inside(let type): type
        }
    }

    /// Whether the tag may follow `previous` (`nil` at the start of a sentence): I-X only
    /// continues B-X or I-X, so every decoded entity is well formed.
    func canFollow(_ previous: BIOTag?) -> Bool {
        guard case .inside(let type) = self else { return true }
        return previous?.type == type
    }
}
