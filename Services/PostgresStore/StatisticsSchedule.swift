/// When a store refreshes the planner's statistics of the tables it searches: each time the articles it saved
/// since the last refresh are at least as many as it had saved before it, and at least ``minimum``.
///
/// A relevance search picks its plan from those statistics (``RelevanceWindow``), and so does the planner for every
/// search that joins the entity tables. Autovacuum gathers them only about once a minute, so right after a bulk
/// load or a replay a common word was planned as a rare one (on 100,000 fresh articles, a ranked search for الأمن
/// took 73 ms at p99 against 8 ms once the statistics were gathered), and a search filtered by entity type joined
/// every link of the store (0.87 s against 2 ms). Doubling keeps the cost to a few `ANALYZE`s per load, however
/// large.
struct StatisticsSchedule {
    /// The fewest saved articles worth a refresh.
    static let minimum = 1_000

    private var savedBefore = 0
    private var savedSince = 0

    /// Counts `count` saved articles; returns whether to refresh the statistics now.
    mutating func recordSaved(_ count: Int) -> Bool {
        savedSince += count
        guard savedSince >= max(Self.minimum, savedBefore) else { return false }
        savedBefore += savedSince
        savedSince = 0
        return true
    }
}
