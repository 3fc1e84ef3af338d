package circuit

// NumGates returns the number of gate ops of c (named gates and explicit
// unitaries; measurements, resets and barriers are not gates), the size a
// simulator's cost grows with.
func (c *Circuit) NumGates() int {
	n := 0
	for _, op := range c.Ops {
		if op.Kind == GateOp {
			n++
		}
	}
	return n
}
