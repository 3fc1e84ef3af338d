package density

import (
	"fmt"
	"math/cmplx"

	"github.com/qmlgo/qml/circuit"
)

// conjugates gives, for named gates, the gate and angles whose matrix is the
// complex conjugate U* of the gate's: a real matrix is its own, a rotation
// exp(−iθG) with real G conjugates to exp(iθG), one with imaginary G
// (ry) stays put, and s, t, sx swap with their adjoints (which are their
// conjugates: they are symmetric). Gates missing here (y, cy, iswap, csx,
// c3sqrtx, …) run as explicit conjugated matrices.
var conjugates = map[string]func(p []circuit.Param) (string, []circuit.Param){}

func init() {
	same := func(name string) func([]circuit.Param) (string, []circuit.Param) {
		return func(p []circuit.Param) (string, []circuit.Param) { return name, p }
	}
	negate := func(name string, which ...int) func([]circuit.Param) (string, []circuit.Param) {
		return func(p []circuit.Param) (string, []circuit.Param) {
			q := append([]circuit.Param(nil), p...)
			for _, k := range which {
				q[k] = q[k].Scale(-1)
			}
			return name, q
		}
	}
	for _, g := range []string{"id", "x", "z", "h", "cx", "cz", "ch", "swap", "ccx", "cswap", "c3x", "c4x", "ry", "cry"} {
		conjugates[g] = same(g)
	}
	for _, pair := range [][2]string{{"s", "sdg"}, {"t", "tdg"}, {"sx", "sxdg"}} {
		conjugates[pair[0]], conjugates[pair[1]] = same(pair[1]), same(pair[0])
	}
	for _, g := range []string{"rx", "rz", "p", "u1", "rxx", "ryy", "rzz", "crx", "crz", "cp", "cu1"} {
		conjugates[g] = negate(g, 0)
	}
	conjugates["u2"] = negate("u2", 0, 1)
	for _, g := range []string{"u3", "u", "cu3"} {
		conjugates[g] = negate(g, 1, 2)
	}
	conjugates["cu"] = negate("cu", 1, 2, 3)
}

// conjugateOp returns the op that applies U* of op to the column qubits:
// op's qubits moved up by n. Gates without a named conjugate need constant
// angles, since their conjugate is written out as a matrix.
func conjugateOp(op *circuit.Op, n int) (circuit.Op, error) {
	qs := make([]int, len(op.Qubits))
	for i, q := range op.Qubits {
		qs[i] = q + n
	}
	out := circuit.Op{Kind: circuit.GateOp, Qubits: qs}
	if op.Gate != nil {
		if rule, ok := conjugates[op.Gate.Name]; ok {
			name, p := rule(op.Params)
			out.Gate, _ = circuit.Lookup(name)
			out.Params = p
			return out, nil
		}
		for _, p := range op.Params {
			if !p.IsConst() {
				return out, fmt.Errorf("gate %s has no named conjugate and symbolic angles", op.Gate.Name)
			}
		}
	}
	m := op.Matrix(circuit.Binding{})
	for i, v := range m {
		m[i] = cmplx.Conj(v)
	}
	out.Unitary = m
	return out, nil
}
