/// An open-addressing hash table from `UInt32` keys (already hashes) to `Int64` values, for the
/// matcher's hot paths: no per-lookup hashing of its own beyond one multiply, no per-entry
/// allocation, 16 bytes an entry (key, value and mark side by side: one cache line a probe) at a
/// load of at most one half.
struct HashTable32 {
    private struct Entry {
        var key: UInt32 = 0
        var used = false
        var value: Int64 = 0
    }

    private var entries: [Entry]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        entries = [Entry](repeating: Entry(), count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt32) -> Int { Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask }

    subscript(key: UInt32) -> Int64? {
        @inline(__always) get {
            entries.withUnsafeBufferPointer { e in
                var i = slot(key)
                while e[i].used {
                    if e[i].key == key { return e[i].value }
                    i = (i + 1) & mask
                }
                return nil
            }
        }
        set {
            guard let newValue else { return }  // entries are never removed
            var i = slot(key)
            while entries[i].used {
                if entries[i].key == key { entries[i].value = newValue; return }
                i = (i + 1) & mask
            }
            entries[i] = Entry(key: key, used: true, value: newValue)
            count += 1
            if count * 2 > entries.count { grow() }
        }
    }

    private mutating func grow() {
        let old = entries
        self = HashTable32(capacity: old.count)
        for e in old where e.used { self[e.key] = e.value }
    }
}
