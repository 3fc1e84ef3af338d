package mps

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
	// State is the MPS after the unitary part, before the terminal
	// measurements; nil when the circuit is dynamic.
	State *State
	// Counts maps each classical bitstring (clbit 0 rightmost) to the
	// number of shots that produced it. A circuit without any measurement
	// is counted as if every qubit were measured, with qubit 0 rightmost.
	// Clbits no measurement writes read 0.
	Counts map[string]int
	// Dynamic reports that the circuit measured or reset qubits mid-way or
	// conditioned gates on classical bits, and so ran as trajectories.
	Dynamic bool
	// Report is the truncation report of the run; for a dynamic circuit,
	// the worst figures over its trajectories.
	Report Report
}

// Execute runs c from |0…0⟩ with its symbols bound by b for the given
// number of shots under opts, drawing every random outcome from rng (which
// may be nil when shots is 0). It has the semantics of statevector.Execute.
//
// When every measurement is terminal (circuit.Circuit.Split) the unitary
// part runs once and all shots are drawn from the final MPS by sequential
// conditional sampling (State.Sample). Otherwise each shot is a quantum
// trajectory on the MPS: a measurement collapses the centre site onto a
// random outcome, a reset is a measurement followed by a flip back to 0,
// and a conditioned op runs only when its classical register holds the
// condition's value. Shots that saw the same outcomes share one
// simulation: at each measurement the shots of a branch split binomially
// between the outcomes, so the cost grows with the number of distinct
// outcome histories, not with the number of shots.
//
// Before any work it checks the options, the circuit, and the memory the
// circuit may need against the cap (see Cost).
func Execute(c *circuit.Circuit, b circuit.Binding, shots int, rng *rand.Rand, opts Options) (*Result, error) {
	switch {
	case c == nil:
		return nil, fmt.Errorf("mps: nil circuit")
	case shots < 0:
		return nil, fmt.Errorf("mps: %d shots; want 0 or more", shots)
	case shots > 0 && rng == nil:
		return nil, fmt.Errorf("mps: %d shots need a random source, got nil", shots)
	}
	s, err := New(c.NumQubits, opts)
	if err != nil {
		return nil, err
	}
	if err := checkCircuit(c, b, c.NumQubits, false); err != nil {
		return nil, err
	}
	unitary, measures, dynamic := c.Split()
	copies := 1
	if dynamic {
		copies += bits.Len(uint(shots))
	}
	if err := checkMemory(s.bondBounds(), c.Ops, opts, copies); err != nil {
		return nil, err
	}
	res := &Result{NumQubits: c.NumQubits, NumClbits: c.NumClbits, Counts: make(map[string]int), Dynamic: dynamic}
	if dynamic {
		br := brancher{c: c, b: b, rng: rng, counts: res.Counts, report: newReport()}
		for i := range c.Ops {
			br.measured = br.measured || c.Ops[i].Kind == circuit.MeasureOp
		}
		if err := br.run(s, 0, shots, make([]byte, c.NumClbits)); err != nil {
			return nil, err
		}
		br.report.warn(opts.WarnFidelity)
		res.Report = br.report
		return res, nil
	}
	if err := s.schedule(unitary, b); err != nil {
		return nil, err
	}
	res.State, res.Report = s, s.Report()
	samples, err := s.Sample(shots, rng)
	if err != nil {
		return nil, err
	}
	for key, m := range samples {
		res.Counts[clbitKey(key, c.NumClbits, measures)] += m
	}
	return res, nil
}

// clbitKey maps a sampled qubit bitstring (qubit 0 rightmost) to the
// classical bitstring that measures write: the qubit string itself when
// there are none.
func clbitKey(qubits string, clbits int, measures []circuit.Op) string {
	if len(measures) == 0 {
		return qubits
	}
	n := len(qubits)
	cl := make([]byte, clbits)
	for _, m := range measures {
		cl[m.Clbit] = qubits[n-1-m.Qubits[0]] - '0'
	}
	return circuit.ClassicalString(cl)
}

// brancher runs the shots of one branch of a dynamic circuit.
type brancher struct {
	c        *circuit.Circuit
	b        circuit.Binding
	rng      *rand.Rand
	counts   map[string]int
	measured bool // the circuit has measurements; else count every qubit
	report   Report
}

// run continues shots trajectories that share state s and classical bits
// cl from op index from to the end, tallying them. The smaller part of
// each split is followed first, on a copy, so at most log2(shots) copies
// are alive at once.
func (br *brancher) run(s *State, from, shots int, cl []byte) error {
	ops := br.c.Ops
	for i := from; i < len(ops); i++ {
		op := &ops[i]
		if op.Cond != nil && !op.Cond.Holds(cl) {
			continue
		}
		switch op.Kind {
		case circuit.GateOp:
			if err := s.applySteps(gateSteps(op.Matrix(br.b), op.Qubits, nil), -1); err != nil {
				return err
			}
			continue
		case circuit.BarrierOp:
			continue
		}
		q, reset := op.Qubits[0], op.Kind == circuit.ResetOp
		p0, p1, err := s.qubitProbabilities(q)
		if err != nil {
			return err
		}
		ones := 0
		for range shots {
			if br.rng.Float64()*(p0+p1) < p1 {
				ones++
			}
		}
		big, small, pBig, pSmall, nSmall := 0, 1, p0, p1, ones
		if 2*ones > shots {
			big, small, pBig, pSmall, nSmall = 1, 0, p1, p0, shots-ones
		}
		if nSmall > 0 {
			t := s.Copy()
			t.project(q, small, reset, 1/math.Sqrt(pSmall))
			tcl := append([]byte(nil), cl...)
			if !reset {
				tcl[op.Clbit] = byte(small)
			}
			if err := br.run(t, i+1, nSmall, tcl); err != nil {
				return err
			}
			shots -= nSmall
		}
		if shots == 0 {
			return nil
		}
		s.project(q, big, reset, 1/math.Sqrt(pBig))
		if !reset {
			cl[op.Clbit] = byte(big)
		}
	}
	br.report.merge(s.rep)
	if br.measured {
		br.counts[circuit.ClassicalString(cl)] += shots
		return nil
	}
	samples, err := s.Sample(shots, br.rng)
	for key, m := range samples {
		br.counts[key] += m
	}
	return err
}
