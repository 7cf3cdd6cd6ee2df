/// Feature id → weight row, as an open-addressing table. Ids are already well-mixed hashes
/// (``FeatureHash``), so their low bits pick the slot directly: a lookup is a probe or two,
/// where a Dictionary would hash the id again.
struct FeatureRowTable: Sendable {
    private let ids: [UInt32]
    /// The row in each slot, or -1 where the slot is empty.
    private let rows: [Int32]
    private let mask: Int

    init(_ rowOfId: [UInt32: Int32]) {
        // At most half full, so that probes stay short.
        var capacity = 16
        while capacity < 2 * rowOfId.count { capacity *= 2 }
        var ids = [UInt32](repeating: 0, count: capacity)
        var rows = [Int32](repeating: -1, count: capacity)
        for (id, row) in rowOfId {
            var slot = Int(id) & (capacity - 1)
            while rows[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            ids[slot] = id
            rows[slot] = row
        }
        self.ids = ids
        self.rows = rows
        mask = capacity - 1
    }

    func row(of id: UInt32) -> Int32? {
        var slot = Int(id) & mask
        while true {
            let row = rows[slot]
            if row < 0 { return nil }
            if ids[slot] == id { return row }
            slot = (slot + 1) & mask
        }
    }
}
