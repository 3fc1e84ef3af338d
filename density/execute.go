package density

import (
	"fmt"
	"math/rand/v2"
	"sort"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/statevector"
)

// Result is what Execute returns.
type Result struct {
	// State is ρ after the gates and channels, before the measurements.
	State *State
	// Probabilities are the probabilities of the basis states as read out:
	// the diagonal of ρ with the readout errors of the measured qubits
	// applied (qubit 0 least significant).
	Probabilities []float64
	// Counts maps classical bitstrings (clbit 0 rightmost) to shots; a
	// circuit without measurements is counted as if every qubit were
	// measured, qubit 0 rightmost, like statevector.Execute.
	Counts map[string]int
}

// Execute runs c under the noise model (nil for none) and samples shots
// measurement outcomes, readout errors included, drawing from rng (nil
// when shots is 0). Every measurement must be terminal; mid-circuit
// measurement, reset and conditions are refused (statevector's
// trajectories run those).
func Execute(c *circuit.Circuit, b circuit.Binding, noise *circuit.NoiseModel, shots int, rng *rand.Rand) (*Result, error) {
	if c == nil {
		return nil, fmt.Errorf("density: nil circuit")
	}
	if err := c.CheckBinding(b); err != nil {
		return nil, fmt.Errorf("density: %w", err)
	}
	switch {
	case shots < 0:
		return nil, fmt.Errorf("density: %d shots; want 0 or more", shots)
	case shots > 0 && rng == nil:
		return nil, fmt.Errorf("density: %d shots need a random source, got nil", shots)
	}
	unitary, measures, dynamic := c.Split()
	if dynamic {
		return nil, fmt.Errorf("density: the circuit measures or resets mid-way or has conditions; run it as trajectories")
	}
	s, err := New(c.NumQubits)
	if err != nil {
		return nil, err
	}
	gates := &circuit.Circuit{NumQubits: c.NumQubits, Ops: unitary}
	if err := s.Run(gates, b, noise); err != nil {
		return nil, err
	}
	measured := make([]int, 0, c.NumQubits)
	for _, m := range measures {
		measured = append(measured, m.Qubits[0])
	}
	if len(measures) == 0 {
		for q := 0; q < c.NumQubits; q++ {
			measured = append(measured, q)
		}
	}
	res := &Result{State: s, Probabilities: s.ReadoutProbabilities(noise, measured), Counts: map[string]int{}}
	for _, i := range sample(res.Probabilities, shots, rng) {
		res.Counts[key(i, c, measures)]++
	}
	return res, nil
}

// ReadoutProbabilities returns the diagonal of ρ with the readout error the
// noise model gives each listed qubit applied: the probabilities of the
// basis states as a measurement of those qubits reports them.
func (s *State) ReadoutProbabilities(noise *circuit.NoiseModel, qubits []int) []float64 {
	p := s.Probabilities()
	done := map[int]bool{}
	for _, q := range qubits {
		r, ok := noise.ReadoutOf(q)
		if !ok || done[q] {
			continue
		}
		done[q] = true
		conf := r.Confusion()
		bit := 1 << q
		for i := range p {
			if i&bit != 0 {
				continue
			}
			p0, p1 := p[i], p[i|bit]
			p[i] = conf[0][0]*p0 + conf[1][0]*p1
			p[i|bit] = conf[0][1]*p0 + conf[1][1]*p1
		}
	}
	return p
}

// sample draws shots basis indices from the distribution p.
func sample(p []float64, shots int, rng *rand.Rand) []int {
	if shots == 0 {
		return nil
	}
	cum := make([]float64, len(p))
	total := 0.0
	for i, v := range p {
		total += max(v, 0)
		cum[i] = total
	}
	out := make([]int, shots)
	for k := range out {
		u := rng.Float64() * total
		// The first index whose cumulative weight exceeds u: never a
		// state of probability zero.
		out[k] = min(sort.Search(len(cum), func(i int) bool { return cum[i] > u }), len(p)-1)
	}
	return out
}

// key returns the classical bitstring basis index i gives under the
// terminal measures (every qubit when there are none).
func key(i int, c *circuit.Circuit, measures []circuit.Op) string {
	if len(measures) == 0 {
		return statevector.Bitstring(i, c.NumQubits)
	}
	cl := make([]byte, c.NumClbits)
	for _, m := range measures {
		cl[m.Clbit] = byte(i >> m.Qubits[0] & 1)
	}
	return circuit.ClassicalString(cl)
}
