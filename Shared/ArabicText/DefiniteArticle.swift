/// The definite article ال at the start of a matching key, as names and search terms compare words: الحموشي and
/// حموشي meet.
public enum DefiniteArticle {
    /// `scalars` without a leading ال when at least two letters remain. Compared scalar by scalar (String.hasPrefix
    /// normalizes both sides first, and a stored array of the two letters costs a lazy-global check per call), and
    /// inlined: left generic, it ran tagging 12% slower (`make bench-tag`).
    @inlinable @inline(__always)
    public static func strip<Scalars: Collection<Unicode.Scalar>>(from scalars: Scalars) -> Scalars.SubSequence {
        var second = scalars.startIndex
        // At least four scalars, found without counting them all: a String's scalars are counted by walking.
        guard !scalars.dropFirst(3).isEmpty, scalars[second] == "\u{0627}" else { return scalars[...] }
        scalars.formIndex(after: &second)
        guard scalars[second] == "\u{0644}" else { return scalars[...] }
        return scalars.dropFirst(2)
    }
}
