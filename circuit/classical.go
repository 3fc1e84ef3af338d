package circuit

// Holds reports whether the classical register of cond, read from the
// classical bits cl (one 0/1 byte per bit) as an unsigned integer with its
// bit 0 least significant, equals cond.Value: OpenQASM 2.0's
// `if (creg == n)`. Every backend that runs trajectories decides
// conditioned ops with it.
func (cond *Condition) Holds(cl []byte) bool {
	var v uint64
	for j := range cond.Reg.Size {
		if cl[cond.Reg.Start+j] == 0 {
			continue
		}
		if j >= 64 {
			return false
		}
		v |= 1 << j
	}
	return v == cond.Value
}

// ClassicalString writes classical bits (one 0/1 byte each) as a bitstring
// with bit 0 rightmost, the key of every backend's counts.
func ClassicalString(cl []byte) string {
	key := make([]byte, len(cl))
	for j, v := range cl {
		key[len(cl)-1-j] = '0' + v
	}
	return string(key)
}
