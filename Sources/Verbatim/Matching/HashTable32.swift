/// An open-addressing hash table from `UInt32` keys (already hashes) to `Int64` values, for the
/// matcher's hot paths: no per-lookup hashing of its own beyond one multiply, no per-entry
/// allocation, 12 bytes an entry at a load of at most one half.
struct HashTable32 {
    private var keys: [UInt32]
    private var values: [Int64]
    private var used: [Bool]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt32](repeating: 0, count: size)
        values = [Int64](repeating: 0, count: size)
        used = [Bool](repeating: false, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt32) -> Int { Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask }

    subscript(key: UInt32) -> Int64? {
        @inline(__always) get {
            var i = slot(key)
            while used[i] {
                if keys[i] == key { return values[i] }
                i = (i + 1) & mask
            }
            return nil
        }
        set {
            guard let newValue else { return }  // entries are never removed
            var i = slot(key)
            while used[i] {
                if keys[i] == key { values[i] = newValue; return }
                i = (i + 1) & mask
            }
            used[i] = true
            keys[i] = key
            values[i] = newValue
            count += 1
            if count * 2 > keys.count { grow() }
        }
    }

    private mutating func grow() {
        let (oldKeys, oldValues, oldUsed) = (keys, values, used)
        self = HashTable32(capacity: oldKeys.count)
        for i in oldKeys.indices where oldUsed[i] { self[oldKeys[i]] = oldValues[i] }
    }
}
