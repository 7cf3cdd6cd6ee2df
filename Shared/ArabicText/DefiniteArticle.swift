/// The definite article ال at the start of a matching key, as names and search terms compare words: الحموشي and
/// حموشي meet.
public enum DefiniteArticle {
    /// `scalars` without a leading ال when at least two letters remain. Compared scalar by scalar (String.hasPrefix
    /// normalizes both sides first), and inlined: left generic, it ran tagging 12% slower (`make bench-tag`).
    @inlinable @inline(__always)
    public static func strip<Scalars: Collection<Unicode.Scalar>>(from scalars: Scalars) -> Scalars.SubSequence {
        guard scalars.count >= 4, scalars.starts(with: letters) else { return scalars[...] }
        return scalars.dropFirst(2)
    }

    /// ال, built once: an array literal in the call would be built for every word.
    @usableFromInline static let letters: [Unicode.Scalar] = ["\u{0627}", "\u{0644}"]
}
