/// Feature id → weight row, as an open-addressing table. Ids are already well-mixed hashes
/// (``FeatureHash``), so their low bits pick the slot directly: a lookup is a probe or two,
/// where a Dictionary would hash the id again.
struct FeatureRowTable: Sendable {
    /// An id beside its row, so that a probe reads one cache line, not two.
    private struct Slot {
        var id: UInt32 = 0
        /// -1 where the slot is empty.
        var row: Int32 = -1
    }

    private let slots: [Slot]
    private let mask: Int

    init(_ rowOfId: [UInt32: Int32]) {
        // At most half full, so that probes stay short.
        var capacity = 16
        while capacity < 2 * rowOfId.count { capacity *= 2 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        for (id, row) in rowOfId {
            var slot = Int(id) & (capacity - 1)
            while slots[slot].row >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Slot(id: id, row: row)
        }
        self.slots = slots
        mask = capacity - 1
    }

    func row(of id: UInt32) -> Int32? {
        var slot = Int(id) & mask
        while true {
            let found = slots[slot]
            if found.row < 0 { return nil }
            if found.id == id { return found.row }
            slot = (slot + 1) & mask
        }
    }
}
