import ArabicText

/// Chooses among overlapping candidates: the longest wins, then the more reliable origin
/// (dates, then gazetteer names, then rules, then coreference), then the earliest.
enum MentionResolver {
    static func resolve(_ candidates: [MentionCandidate]) -> [MentionCandidate] {
        let ranked = candidates.sorted { lhs, rhs in
            if lhs.normalizedRange.count != rhs.normalizedRange.count {
                return lhs.normalizedRange.count > rhs.normalizedRange.count
            }
            if lhs.origin != rhs.origin { return lhs.origin > rhs.origin }
            return (lhs.paragraph, lhs.normalizedRange.lowerBound) < (rhs.paragraph, rhs.normalizedRange.lowerBound)
        }
        return adding(ranked, to: [])
    }

    /// `accepted` plus those of `candidates`, in order, that overlap nothing accepted before.
    static func adding(_ candidates: [MentionCandidate], to accepted: [MentionCandidate]) -> [MentionCandidate] {
        var result = accepted
        for candidate in candidates where !result.contains(where: candidate.overlaps) {
            result.append(candidate)
        }
        return result.sorted {
            ($0.paragraph, $0.normalizedRange.lowerBound) < ($1.paragraph, $1.normalizedRange.lowerBound)
        }
    }
}
