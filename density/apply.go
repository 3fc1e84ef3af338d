package density

import (
	"fmt"
	"math/cmplx"

	"github.com/qmlgo/qml/circuit"
)

// ApplyOp applies the gate op with angles bound by b: ρ → UρU†.
// Measurements, resets and conditioned ops are refused (Execute handles
// terminal measurements).
func (s *State) ApplyOp(op *circuit.Op, b circuit.Binding) error {
	if op.Kind != circuit.GateOp || op.Cond != nil {
		return fmt.Errorf("density: %s: only unconditioned gates apply to a density matrix", op.Name())
	}
	conj, err := conjugateOp(op, s.n)
	if err != nil {
		return fmt.Errorf("density: %s: %w", op.Name(), err)
	}
	if err := s.vec.ApplyOp(op, b); err != nil {
		return fmt.Errorf("density: %w", err)
	}
	return s.vec.ApplyOp(&conj, b)
}

// ApplyMatrix applies ρ → MρM† for a row-major 2^k × 2^k matrix m on the
// listed qubits (the first listed is the least-significant bit of m's
// index). m need not be unitary.
func (s *State) ApplyMatrix(m []complex128, qubits ...int) error {
	if err := s.checkQubits(qubits); err != nil {
		return err
	}
	c := make([]complex128, len(m))
	for i, v := range m {
		c[i] = cmplx.Conj(v)
	}
	if err := s.vec.ApplyMatrix(m, qubits...); err != nil {
		return fmt.Errorf("density: %w", err)
	}
	return s.vec.ApplyMatrix(c, s.shifted(qubits)...)
}

// ApplyChannel applies ρ → Σ K ρ K† for the channel's Kraus operators on
// the listed qubits (len(qubits) == ch.Qubits), as one matrix
// Σ K ⊗ K* on the row and column copies of the qubits.
func (s *State) ApplyChannel(ch *circuit.Channel, qubits ...int) error {
	if len(qubits) != ch.Qubits {
		return fmt.Errorf("density: channel %s on %d qubits given %d", ch.Spec.Type, ch.Qubits, len(qubits))
	}
	if err := s.checkQubits(qubits); err != nil {
		return err
	}
	return s.vec.ApplyMatrix(superoperator(ch), append(append([]int(nil), qubits...), s.shifted(qubits)...)...)
}

// superoperator returns Σ_k K_k ⊗ K_k* as a matrix on 2k local qubits, the
// k row qubits low and the k column qubits high: entry
// [(a' | b'<<k), (a | b<<k)] = Σ K[a'][a]·K*[b'][b].
func superoperator(ch *circuit.Channel) []complex128 {
	k := ch.Qubits
	d := 1 << k
	dd := d * d
	s := make([]complex128, dd*dd)
	for _, K := range ch.Kraus {
		for a2 := 0; a2 < d; a2++ {
			for b2 := 0; b2 < d; b2++ {
				row := (a2 | b2<<k) * dd
				for a := 0; a < d; a++ {
					x := K[a2*d+a]
					if x == 0 {
						continue
					}
					for b := 0; b < d; b++ {
						s[row+(a|b<<k)] += x * cmplx.Conj(K[b2*d+b])
					}
				}
			}
		}
	}
	return s
}

func (s *State) checkQubits(qubits []int) error {
	seen := map[int]bool{}
	for _, q := range qubits {
		if q < 0 || q >= s.n || seen[q] {
			return fmt.Errorf("density: qubits %v: want distinct qubits in [0, %d)", qubits, s.n)
		}
		seen[q] = true
	}
	return nil
}

// shifted returns the column copies q + n of the qubits.
func (s *State) shifted(qubits []int) []int {
	out := make([]int, len(qubits))
	for i, q := range qubits {
		out[i] = q + s.n
	}
	return out
}
