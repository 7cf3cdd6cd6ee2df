/// A trie over the words of multi-word names, keyed by matching keys.
struct PhraseIndex: Sendable {
    private struct Node: Sendable {
        var children: [String: Int] = [:]
        var entries: [Int] = []
    }

    private var nodes = [Node()]

    /// The root, from which a phrase's first word is looked up.
    static let root = 0

    mutating func insert(_ words: [String], entry: Int) {
        var node = Self.root
        for word in words {
            if let next = nodes[node].children[word] {
                node = next
            } else {
                nodes.append(Node())
                nodes[node].children[word] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        if !nodes[node].entries.contains(entry) { nodes[node].entries.append(entry) }
    }

    /// The node reached from `node` by `word`.
    func child(of node: Int, _ word: String) -> Int? {
        nodes[node].children[word]
    }

    /// The entries whose phrase ends at `node`.
    func entries(at node: Int) -> [Int] {
        nodes[node].entries
    }
}
