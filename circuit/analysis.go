package circuit

// Split separates a circuit into the unitary part that can run once on a
// state vector and the measurements that can be sampled from the final state
// in one pass. It succeeds (dynamic == false) when every measurement is
// terminal: nothing acts on a measured qubit afterwards, nothing is
// classically conditioned, and every reset acts on a qubit still in |0⟩ (a
// reset before any gate on its qubit, which real files often start with, is
// dropped). Gates on other qubits may follow a measurement. Otherwise the
// circuit must run shot by shot as trajectories and dynamic is true.
//
// The unitary part keeps gates and barriers in order; measures lists the
// measurement ops in order.
func (c *Circuit) Split() (unitary, measures []Op, dynamic bool) {
	touched := make([]bool, c.NumQubits)
	measured := make([]bool, c.NumQubits)
	for _, op := range c.Ops {
		if op.Cond != nil {
			return nil, nil, true
		}
		switch op.Kind {
		case GateOp:
			for _, q := range op.Qubits {
				if measured[q] {
					return nil, nil, true
				}
				touched[q] = true
			}
			unitary = append(unitary, op)
		case BarrierOp:
			unitary = append(unitary, op)
		case ResetOp:
			if touched[op.Qubits[0]] {
				return nil, nil, true
			}
		case MeasureOp:
			q := op.Qubits[0]
			if measured[q] {
				return nil, nil, true
			}
			measured[q], touched[q] = true, true
			measures = append(measures, op)
		}
	}
	return unitary, measures, false
}
