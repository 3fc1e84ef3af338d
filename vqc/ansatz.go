package vqc

import (
	"fmt"

	"github.com/qmlgo/qml/circuit"
)

// Ansatz appends trainable layers. Layer l reads weights θ[offset…]; the
// return value is how many it used, so that layers and re-uploaded encoders
// can be interleaved freely.
type Ansatz interface {
	// AppendLayer adds trainable layer l (from 0) to c.
	AppendLayer(c *circuit.Circuit, l, offset int) (int, error)
	// AppendFinal adds what follows the last layer (RealAmplitudes' last
	// rotation layer), possibly nothing.
	AppendFinal(c *circuit.Circuit, offset int) (int, error)
}

// entanglingPairs lists the (control, target) pairs of an entangler layer on
// n qubits: "linear" (i, i+1), "ring" (linear plus (n−1, 0) when n > 2) or
// "full" (all i < j).
func entanglingPairs(kind string, n int) ([][2]int, error) {
	var p [][2]int
	switch kind {
	case "linear", "ring", "":
		for i := 0; i+1 < n; i++ {
			p = append(p, [2]int{i, i + 1})
		}
		if kind != "linear" && n > 2 {
			p = append(p, [2]int{n - 1, 0})
		}
	case "full":
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				p = append(p, [2]int{i, j})
			}
		}
	default:
		return nil, fmt.Errorf("entanglement %q: want linear, ring or full", kind)
	}
	return p, nil
}

// HardwareEfficient is the layered ansatz of Kandala et al., Nature 549, 242
// (2017): each layer is a rotation of every qubit about each axis in
// Rotations, then an entangling gate (cx or cz) on each pair of the
// entanglement pattern.
type HardwareEfficient struct {
	Rotations    []string // default ["ry", "rz"]
	Entangler    string   // "cx" (default) or "cz"
	Entanglement string   // "linear", "ring" (default) or "full"
}

// AppendLayer implements Ansatz.
func (h HardwareEfficient) AppendLayer(c *circuit.Circuit, _ int, offset int) (int, error) {
	rot := h.Rotations
	if len(rot) == 0 {
		rot = []string{"ry", "rz"}
	}
	ent := h.Entangler
	if ent == "" {
		ent = "cx"
	}
	if ent != "cx" && ent != "cz" {
		return 0, fmt.Errorf("entangler %q: want cx or cz", ent)
	}
	pairs, err := entanglingPairs(h.Entanglement, c.NumQubits)
	if err != nil {
		return 0, err
	}
	used := 0
	for q := 0; q < c.NumQubits; q++ {
		for _, r := range rot {
			if r != "rx" && r != "ry" && r != "rz" {
				return 0, fmt.Errorf("rotation %q: want rx, ry or rz", r)
			}
			c.Gate(r, []int{q}, circuit.Weight(offset+used))
			used++
		}
	}
	for _, p := range pairs {
		c.Gate(ent, []int{p[0], p[1]})
	}
	return used, c.Err()
}

// AppendFinal implements Ansatz: nothing.
func (HardwareEfficient) AppendFinal(*circuit.Circuit, int) (int, error) { return 0, nil }

// StronglyEntangling is the circuit-centric classifier layer of Schuld,
// Bocharov, Svore & Wiebe, Phys. Rev. A 101, 032308 (2020) (PennyLane's
// StronglyEntanglingLayers): a general rotation RZ(ω)RY(θ)RZ(φ) on every
// qubit, then CX(i, (i+r) mod n) for every i, with range r = 1 + l mod (n−1)
// in layer l.
type StronglyEntangling struct{}

// AppendLayer implements Ansatz.
func (StronglyEntangling) AppendLayer(c *circuit.Circuit, l, offset int) (int, error) {
	n := c.NumQubits
	for q := 0; q < n; q++ {
		w := offset + 3*q
		c.RZ(q, circuit.Weight(w)).RY(q, circuit.Weight(w+1)).RZ(q, circuit.Weight(w+2))
	}
	if n > 1 {
		r := 1 + l%(n-1)
		for i := 0; i < n; i++ {
			c.CX(i, (i+r)%n)
		}
	}
	return 3 * n, c.Err()
}

// AppendFinal implements Ansatz: nothing.
func (StronglyEntangling) AppendFinal(*circuit.Circuit, int) (int, error) { return 0, nil }

// RealAmplitudes is Qiskit's RealAmplitudes: RY on every qubit, then CX
// entanglers (reverse linear by default: (n−2, n−1), …, (0, 1)), and a final
// RY layer after the last repetition. Its states have real amplitudes.
type RealAmplitudes struct {
	Entanglement string // "reverse-linear" (default), "linear", "ring" or "full"
}

// AppendLayer implements Ansatz.
func (r RealAmplitudes) AppendLayer(c *circuit.Circuit, _ int, offset int) (int, error) {
	n := c.NumQubits
	for q := 0; q < n; q++ {
		c.RY(q, circuit.Weight(offset+q))
	}
	kind := r.Entanglement
	if kind == "" || kind == "reverse-linear" {
		for i := n - 2; i >= 0; i-- {
			c.CX(i, i+1)
		}
		return n, c.Err()
	}
	pairs, err := entanglingPairs(kind, n)
	if err != nil {
		return 0, err
	}
	for _, p := range pairs {
		c.CX(p[0], p[1])
	}
	return n, c.Err()
}

// AppendFinal implements Ansatz: the last RY layer.
func (RealAmplitudes) AppendFinal(c *circuit.Circuit, offset int) (int, error) {
	for q := 0; q < c.NumQubits; q++ {
		c.RY(q, circuit.Weight(offset+q))
	}
	return c.NumQubits, c.Err()
}

// CircuitAnsatz repeats a user circuit (from QASM or a spec's gate list)
// whose angles use weights θ[0…W−1] and possibly inputs: layer l reads
// weights θ[offset…offset+W−1]. Inputs keep their indices, so a user layer
// may re-read the data.
type CircuitAnsatz struct {
	Layer *circuit.Circuit
}

// AppendLayer implements Ansatz.
func (u CircuitAnsatz) AppendLayer(c *circuit.Circuit, _ int, offset int) (int, error) {
	if u.Layer == nil {
		return 0, fmt.Errorf("circuit ansatz has no circuit")
	}
	if u.Layer.NumQubits > c.NumQubits {
		return 0, fmt.Errorf("circuit ansatz uses %d qubits, model has %d", u.Layer.NumQubits, c.NumQubits)
	}
	for i, op := range u.Layer.Ops {
		if op.Kind != circuit.GateOp && op.Kind != circuit.BarrierOp {
			return 0, fmt.Errorf("circuit ansatz op %d (%s): only gates are allowed in a trainable layer", i, op.Name())
		}
		op.Params = append([]circuit.Param(nil), op.Params...)
		for k, p := range op.Params {
			op.Params[k] = shiftWeights(p, offset)
		}
		if err := c.Append(op); err != nil {
			return 0, err
		}
	}
	return u.Layer.NumWeights(), nil
}

// AppendFinal implements Ansatz: nothing.
func (CircuitAnsatz) AppendFinal(*circuit.Circuit, int) (int, error) { return 0, nil }

// shiftWeights renumbers the weights of p by offset.
func shiftWeights(p circuit.Param, offset int) circuit.Param {
	out := circuit.Param{Const: p.Const}
	for _, t := range p.Terms {
		if t.Kind == circuit.WeightSymbol {
			t.Index += offset
		}
		out.Terms = append(out.Terms, t)
	}
	return out
}
