/// The published benchmarks a scored corpus belongs to, with their published results, so that
/// `eval --conll` prints our figures next to them.
enum Benchmark {
    /// The ANERcorp test set of the CAMeL Lab split.
    case anercorp
    /// The AQMAR test set of Liu et al.'s split; Stanza's figure is on its own split of AQMAR.
    case aqmar

    /// The benchmark all the scored files belong to, told by their paths; `nil` when they are
    /// not all from one, whose published figures would then mean nothing.
    init?(paths: [String]) {
        let names = paths.map { $0.lowercased() }
        if !names.isEmpty, names.allSatisfy({ $0.contains("anercorp") && $0.contains("test") }) {
            self = .anercorp
        } else if !names.isEmpty, names.allSatisfy({ $0.contains("aqmar") && $0.contains("test") }) {
            self = .aqmar
        } else {
            return nil
        }
    }

    var title: String {
        switch self {
        case .anercorp: "published, ANERcorp CAMeL split test (AraBERT README, column labelled macro-F1):"
        case .aqmar: "published, AQMAR test (Stanza: its own split; the others: Liu et al. 2019's split):"
        }
    }

    /// F1 as published: for ANERcorp in the AraBERT README's results on the CAMeL splits (its
    /// column says "macro-F1", though NER F1 on ANERcorp is commonly the entity-level micro
    /// average, the table's last row); for AQMAR in Stanza's performance table and GigaBERT's
    /// authors' README.
    var published: [(system: String, f1: Double)] {
        switch self {
        case .anercorp: [("AraBERTv0.1", 83.1), ("BiLSTM-CRF (prev. SOTA)", 81.7), ("mBERT", 78.4)]
        case .aqmar:
            [("GigaBERT-v3", 76.59), ("Liu et al. 2019", 75.82), ("Stanza v1.0 (BiLSTM-CRF)", 74.3), ("mBERT", 73.9)]
        }
    }
}
