package statevector

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"

	"github.com/qmlgo/qml/circuit"
)

// Result is what Execute returns.
type Result struct {
	NumQubits, NumClbits int
	// State is the state after the unitary part, before the terminal
	// measurements; nil when the circuit is dynamic.
	State *State
	// Counts maps each classical bitstring (clbit 0 rightmost, no spaces)
	// to the number of shots that produced it. A circuit without any
	// measurement is counted as if every qubit were measured, with qubit 0
	// rightmost. Clbits no measurement writes read 0.
	Counts map[string]int
	// Dynamic reports that the circuit measured or reset qubits mid-way or
	// conditioned gates on classical bits, and so ran as trajectories.
	Dynamic bool
}

// Execute runs c with its symbols bound by b for the given number of shots,
// drawing every random outcome from rng (which may be nil when shots is 0).
//
// When every measurement is terminal (circuit.Circuit.Split) the unitary
// part runs once and all shots are sampled from the final state in one
// pass. Otherwise each shot runs as a quantum trajectory: a measurement
// collapses the state onto a random outcome and renormalises it, a reset is
// a measurement followed by a flip back to 0, and a conditioned op runs only
// when its classical register holds the condition's value. Shots that saw
// the same outcomes share one simulation (at each measurement the shots
// split binomially between the two outcomes), so the cost grows with the
// number of distinct outcome histories, not with the number of shots.
func Execute(c *circuit.Circuit, b circuit.Binding, shots int, rng *rand.Rand) (*Result, error) {
	return ExecuteWith(c, b, shots, rng, Options{})
}

// ExecuteWith is Execute with the fusion, precision and blocking of opts.
// The gates of a dynamic circuit run one by one in each trajectory.
func ExecuteWith(c *circuit.Circuit, b circuit.Binding, shots int, rng *rand.Rand, opts Options) (*Result, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if c == nil {
		return nil, fmt.Errorf("statevector: nil circuit")
	}
	if err := c.CheckBinding(b); err != nil {
		return nil, fmt.Errorf("statevector: %w", err)
	}
	switch {
	case shots < 0:
		return nil, fmt.Errorf("statevector: %d shots; want 0 or more", shots)
	case shots > 0 && rng == nil:
		return nil, fmt.Errorf("statevector: %d shots need a random source, got nil", shots)
	}
	for i := range c.Ops {
		if op := &c.Ops[i]; op.Kind == circuit.GateOp {
			if err := checkGate(op, c.NumQubits, b); err != nil {
				return nil, fmt.Errorf("statevector: op %d (%s): %w", i, op.Name(), err)
			}
		}
	}
	s, err := NewPrecision(c.NumQubits, opts.Precision)
	if err != nil {
		return nil, err
	}
	res := &Result{NumQubits: c.NumQubits, NumClbits: c.NumClbits, Counts: make(map[string]int)}
	unitary, measures, dynamic := c.Split()
	if dynamic {
		res.Dynamic = true
		trajectories(c, b, s, shots, rng, res.Counts)
		return res, nil
	}
	s.runGates(unitary, b, opts)
	res.State = s
	samples := s.Sample(shots, rng)
	// Samples are sorted: tally each run of equal indices once.
	for lo := 0; lo < len(samples); {
		hi := lo
		for hi < len(samples) && samples[hi] == samples[lo] {
			hi++
		}
		res.Counts[clbitKey(samples[lo], c, measures)] += hi - lo
		lo = hi
	}
	return res, nil
}

// clbitKey returns the classical bitstring that basis index i produces when
// the measures are applied: every qubit when there are none.
func clbitKey(i int, c *circuit.Circuit, measures []circuit.Op) string {
	if len(measures) == 0 {
		return Bitstring(i, c.NumQubits)
	}
	cl := make([]byte, c.NumClbits)
	for _, m := range measures {
		cl[m.Clbit] = byte(bit(i, m.Qubits[0]))
	}
	return circuit.ClassicalString(cl)
}

// trajectories samples shots quantum trajectories of the dynamic circuit c
// from the fresh state s and tallies their classical bitstrings into
// counts.
//
// Shots that have seen the same measurement outcomes are in the same state,
// so they are simulated together: at a measurement or reset the shots of a
// branch split binomially between the two outcomes with the Born
// probabilities, each part continuing on its own collapsed copy of the
// state. The tallies have exactly the distribution of independent
// trajectories, at the cost of one simulation per distinct branch instead
// of one per shot. The smaller part is followed first, so at most
// log2(shots) copies are alive at once; batches of shots keep that within
// MaxMemory.
func trajectories(c *circuit.Circuit, b circuit.Binding, s *State, shots int, rng *rand.Rand, counts map[string]int) {
	br := brancher{c: c, rng: rng, counts: counts, kernels: make([]kernel, len(c.Ops))}
	var angles []float64
	for i := range c.Ops {
		op := &c.Ops[i]
		if op.Kind == circuit.GateOp {
			angles = compileOp(op, b, &br.kernels[i], angles)
		}
		br.measured = br.measured || op.Kind == circuit.MeasureOp
	}
	live := max(1, MaxMemory()/(s.Precision().bytes()<<s.n)) // states that fit at once
	batch := shots
	for batch > 1 && int64(bits.Len(uint(batch))) > live {
		batch /= 2
	}
	cl := make([]byte, c.NumClbits)
	for done := 0; done < shots; done += batch {
		s.Reset()
		clear(cl)
		br.run(s, 0, min(batch, shots-done), cl)
	}
}

// brancher runs the shots of one branch of a dynamic circuit.
type brancher struct {
	c        *circuit.Circuit
	kernels  []kernel // compiled gates, by op index
	rng      *rand.Rand
	counts   map[string]int
	measured bool     // the circuit has measurements; else count every qubit
	spare    []*State // copies to reuse
}

// run continues shots trajectories that share state s and classical bits
// cl from op index from to the end, tallying them.
func (br *brancher) run(s *State, from, shots int, cl []byte) {
	ops := br.c.Ops
	for i := from; i < len(ops); i++ {
		op := &ops[i]
		if op.Cond != nil && !op.Cond.Holds(cl) {
			continue
		}
		switch op.Kind {
		case circuit.GateOp:
			br.kernels[i].applyTo(s)
			continue
		case circuit.BarrierOp:
			continue
		}
		q, reset := op.Qubits[0], op.Kind == circuit.ResetOp
		p0, p1 := s.qubitProbabilities(q)
		ones := 0 // shots whose outcome is 1
		for range shots {
			if br.rng.Float64()*(p0+p1) < p1 {
				ones++
			}
		}
		// Follow the smaller part on a copy first, then continue here with
		// the larger one.
		big, small, pBig, pSmall, nSmall := 0, 1, p0, p1, ones
		if 2*ones > shots {
			big, small, pBig, pSmall, nSmall = 1, 0, p1, p0, shots-ones
		}
		if nSmall > 0 {
			t := br.copyOf(s)
			t.project(q, small, reset, 1/math.Sqrt(pSmall))
			tcl := append([]byte(nil), cl...)
			if !reset {
				tcl[op.Clbit] = byte(small)
			}
			br.run(t, i+1, nSmall, tcl)
			br.spare = append(br.spare, t)
			shots -= nSmall
		}
		s.project(q, big, reset, 1/math.Sqrt(pBig))
		if !reset {
			cl[op.Clbit] = byte(big)
		}
	}
	if br.measured {
		br.counts[circuit.ClassicalString(cl)] += shots
		return
	}
	for _, idx := range s.Sample(shots, br.rng) {
		br.counts[Bitstring(idx, br.c.NumQubits)]++
	}
}

// copyOf returns a copy of s, reusing a spare state when there is one.
func (br *brancher) copyOf(s *State) *State {
	if n := len(br.spare); n > 0 {
		t := br.spare[n-1]
		br.spare = br.spare[:n-1]
		_ = t.CopyFrom(s) // a copy of s: same size and precision
		return t
	}
	return s.Copy()
}
