package statevector

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"sync"

	"github.com/qmlgo/qml/circuit"
)

// Noisy circuits run here as quantum trajectories (Dalibard, Castin &
// Mølmer, PRL 68, 580 (1992); for gate noise, e.g. Isakov et al.,
// arXiv:2111.02396): each shot is one pure-state run in which every noise
// channel Σ K ρ K† is replaced by one Kraus operator K_k, drawn with its
// probability p_k = ‖K_k ψ‖² and applied as K_k ψ/√p_k. The average over
// trajectories of |ψ⟩⟨ψ| is the density matrix of the noisy circuit, so
// counts have exactly the noisy distribution and mean expectation values
// converge to the exact ones as 1/√trajectories. Pauli channels take the
// cheap path: their branches have fixed probabilities (the channel is
// unital and every K_k is √p_k times a unitary), so no norm is computed,
// and the identity branch costs nothing.

// trajectoryChunk is how many consecutive shots share one random stream:
// chunk i draws from PCG(seed, i), so results depend on the seed alone,
// not on how many goroutines ran the chunks.
const trajectoryChunk = 64

// ExecuteNoisy samples shots measurement records of c under the noise model
// (nil for none), one quantum trajectory per shot, seeded by seed and run
// in parallel over shots. Gates are followed by the channels noise.After
// gives; a measurement collapses the state and its recorded bit is flipped
// by the qubit's readout error; resets and classical conditions work as in
// Execute. Counts are keyed like Execute's: by classical bitstring (clbit 0
// rightmost), or, for a circuit without measurements, by the final basis
// state sampled once per trajectory (qubit 0 rightmost) with every qubit's
// readout error applied. The Result's State is nil.
func ExecuteNoisy(c *circuit.Circuit, b circuit.Binding, noise *circuit.NoiseModel, shots int, seed uint64) (*Result, error) {
	t, err := newNoisyRun(c, b, noise)
	if err != nil {
		return nil, err
	}
	if shots < 0 {
		return nil, fmt.Errorf("statevector: %d shots; want 0 or more", shots)
	}
	res := &Result{NumQubits: c.NumQubits, NumClbits: c.NumClbits, Counts: map[string]int{}, Dynamic: true}
	chunks := make([]map[string]int, (shots+trajectoryChunk-1)/trajectoryChunk)
	err = t.parallel(len(chunks), func(s *State, i int) error {
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		counts := map[string]int{}
		for range min(trajectoryChunk, shots-i*trajectoryChunk) {
			key, err := t.shot(s, rng)
			if err != nil {
				return err
			}
			counts[key]++
		}
		chunks[i] = counts
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, counts := range chunks {
		for k, v := range counts {
			res.Counts[k] += v
		}
	}
	return res, nil
}

// NoisyExpectations estimates tr(O_k ρ) of c under the noise model by the
// mean of ⟨ψ|O_k|ψ⟩ over the given number of trajectories, seeded by seed
// and run in parallel; it returns the means and their standard errors
// (sample standard deviation / √trajectories). c must not measure
// (expectation values are of the state; run the unitary part of a measured
// circuit); resets are allowed, and act as the reset channel on average.
func NoisyExpectations(c *circuit.Circuit, b circuit.Binding, noise *circuit.NoiseModel, obs []circuit.Observable, trajectories int, seed uint64) (mean, stderr []float64, err error) {
	t, err := newNoisyRun(c, b, noise)
	if err != nil {
		return nil, nil, err
	}
	if trajectories < 2 {
		return nil, nil, fmt.Errorf("statevector: %d trajectories; want at least 2 for an error bar", trajectories)
	}
	for i := range c.Ops {
		if c.Ops[i].Kind == circuit.MeasureOp {
			return nil, nil, fmt.Errorf("statevector: op %d: expectation values need a circuit without measurements", i)
		}
	}
	for _, o := range obs {
		if err := o.Validate(c.NumQubits); err != nil {
			return nil, nil, fmt.Errorf("statevector: %w", err)
		}
	}
	type moments struct{ sum, sq []float64 }
	chunks := make([]moments, (trajectories+trajectoryChunk-1)/trajectoryChunk)
	err = t.parallel(len(chunks), func(s *State, i int) error {
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		m := moments{make([]float64, len(obs)), make([]float64, len(obs))}
		for range min(trajectoryChunk, trajectories-i*trajectoryChunk) {
			s.Reset()
			if _, err := t.run(s, rng); err != nil {
				return err
			}
			v, err := s.Expectations(obs)
			if err != nil {
				return err
			}
			for k, x := range v {
				m.sum[k] += x
				m.sq[k] += x * x
			}
		}
		chunks[i] = m
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	mean, stderr = make([]float64, len(obs)), make([]float64, len(obs))
	sq := make([]float64, len(obs))
	for _, m := range chunks {
		for k := range obs {
			mean[k] += m.sum[k]
			sq[k] += m.sq[k]
		}
	}
	n := float64(trajectories)
	for k := range obs {
		mean[k] /= n
		variance := max(sq[k]/n-mean[k]*mean[k], 0) * n / (n - 1)
		stderr[k] = math.Sqrt(variance / n)
	}
	return mean, stderr, nil
}

// noisyRun is a noisy circuit prepared for sampling: its ops without their
// conditions (checked separately), the channels after each op, compiled
// once and shared read-only by the workers.
type noisyRun struct {
	c        *circuit.Circuit
	ops      []circuit.Op
	b        circuit.Binding
	noise    *circuit.NoiseModel
	after    [][]noiseStep // by op index
	measured bool
	paulis   [4]*circuit.GateSpec // I (nil), X, Y, Z
}

// noiseStep is one channel to apply on its qubits.
type noiseStep struct {
	ch     *compiledChannel
	qubits []int
}

func newNoisyRun(c *circuit.Circuit, b circuit.Binding, noise *circuit.NoiseModel) (*noisyRun, error) {
	if c == nil {
		return nil, fmt.Errorf("statevector: nil circuit")
	}
	if err := c.CheckBinding(b); err != nil {
		return nil, fmt.Errorf("statevector: %w", err)
	}
	if err := noise.Check(c.NumQubits); err != nil {
		return nil, fmt.Errorf("statevector: %w", err)
	}
	if err := checkSize(c.NumQubits, Double); err != nil {
		return nil, err
	}
	t := &noisyRun{c: c, b: b, noise: noise, ops: make([]circuit.Op, len(c.Ops)), after: make([][]noiseStep, len(c.Ops))}
	for i, name := range []string{"x", "y", "z"} {
		t.paulis[i+1], _ = circuit.Lookup(name)
	}
	compiled := map[*circuit.Channel]*compiledChannel{}
	for i := range c.Ops {
		op := &c.Ops[i]
		t.ops[i] = *op
		t.ops[i].Cond = nil
		if op.Kind == circuit.GateOp {
			if err := checkGate(op, c.NumQubits, b); err != nil {
				return nil, fmt.Errorf("statevector: op %d (%s): %w", i, op.Name(), err)
			}
		}
		t.measured = t.measured || op.Kind == circuit.MeasureOp
		for _, a := range noise.After(op) {
			cc := compiled[a.Channel]
			if cc == nil {
				cc = compileChannel(a.Channel)
				compiled[a.Channel] = cc
			}
			t.after[i] = append(t.after[i], noiseStep{cc, a.Qubits})
		}
	}
	return t, nil
}

// parallel runs work(s, i) for i in [0, chunks) on goroutines that each own
// a state of the circuit's size, and returns the first error. Registers
// large enough for the kernels to split their work run one chunk at a
// time.
func (t *noisyRun) parallel(chunks int, work func(s *State, i int) error) error {
	w := min(Threads(), chunks)
	if 1<<t.c.NumQubits >= ParallelThreshold {
		w = min(1, chunks)
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  = make(chan int, chunks)
	)
	for i := range chunks {
		next <- i
	}
	close(next)
	for range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := New(t.c.NumQubits)
			for i := range next {
				if err == nil {
					err = work(s, i)
				}
			}
			if err != nil {
				mu.Lock()
				first = firstError(first, err)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return first
}

// firstError keeps the error already recorded, if any.
func firstError(old, err error) error {
	if old != nil {
		return old
	}
	return err
}

// shot runs one trajectory from |0…0⟩ and returns its classical key.
func (t *noisyRun) shot(s *State, rng *rand.Rand) (string, error) {
	s.Reset()
	cl, err := t.run(s, rng)
	if err != nil {
		return "", err
	}
	if t.measured {
		return circuit.ClassicalString(cl), nil
	}
	idx := s.Sample(1, rng)[0]
	for q := 0; q < t.c.NumQubits; q++ {
		if r, ok := t.noise.ReadoutOf(q); ok {
			idx ^= (r.Read(idx>>q&1, rng.Float64()) ^ idx>>q&1) << q
		}
	}
	return Bitstring(idx, t.c.NumQubits), nil
}

// run applies the circuit and its noise to s, drawing every random choice
// from rng, and returns the classical bits.
func (t *noisyRun) run(s *State, rng *rand.Rand) ([]byte, error) {
	cl := make([]byte, t.c.NumClbits)
	for i := range t.c.Ops {
		op := &t.c.Ops[i]
		if op.Cond != nil && !op.Cond.Holds(cl) {
			continue
		}
		switch op.Kind {
		case circuit.GateOp:
			if err := s.ApplyOp(&t.ops[i], t.b); err != nil {
				return nil, err
			}
		case circuit.MeasureOp:
			q := op.Qubits[0]
			v, err := s.Measure(q, rng)
			if err != nil {
				return nil, err
			}
			if r, ok := t.noise.ReadoutOf(q); ok {
				v = r.Read(v, rng.Float64())
			}
			cl[op.Clbit] = byte(v)
		case circuit.ResetOp:
			if err := s.ResetQubit(op.Qubits[0], rng); err != nil {
				return nil, err
			}
		}
		for _, st := range t.after[i] {
			if err := t.applyNoise(s, st, rng); err != nil {
				return nil, err
			}
		}
	}
	return cl, nil
}

// applyNoise draws one branch of the channel and applies it.
func (t *noisyRun) applyNoise(s *State, st noiseStep, rng *rand.Rand) error {
	ch := st.ch
	if ch.paulis != nil {
		u := rng.Float64()
		k := len(ch.paulis) - 1
		for j, br := range ch.paulis {
			if u < br.Prob {
				k = j
				break
			}
			u -= br.Prob
		}
		for j := 0; j < len(ch.paulis[k].Ops); j++ {
			if g := t.paulis[pauliIndex(ch.paulis[k].Ops[j])]; g != nil {
				op := circuit.Op{Kind: circuit.GateOp, Gate: g, Qubits: st.qubits[j : j+1]}
				if err := s.ApplyOp(&op, circuit.Binding{}); err != nil {
					return err
				}
			}
		}
		return nil
	}
	rho := reducedDensity(s.Amplitudes(), st.qubits)
	u := rng.Float64()
	k, pk := len(ch.kraus)-1, 0.0
	for j, m := range ch.gram {
		p := 0.0
		d := ch.dim
		for a := 0; a < d; a++ {
			for b := 0; b < d; b++ {
				p += real(m[b*d+a] * rho[a*d+b])
			}
		}
		if u < p || j == len(ch.gram)-1 {
			k, pk = j, p
			break
		}
		u -= p
	}
	if !(pk > 0) {
		return fmt.Errorf("statevector: noise branch of probability %g drawn", pk)
	}
	m := make([]complex128, len(ch.kraus[k]))
	scale := complex(1/math.Sqrt(pk), 0)
	for i, v := range ch.kraus[k] {
		m[i] = v * scale
	}
	return s.ApplyMatrix(m, st.qubits...)
}

func pauliIndex(p byte) int {
	switch p {
	case 'X':
		return 1
	case 'Y':
		return 2
	case 'Z':
		return 3
	}
	return 0
}

// compiledChannel holds what sampling a channel's branches needs: for a
// Pauli channel its branches, else its Kraus operators and their Gram
// matrices K†K, whose expectation in the state is the branch probability.
type compiledChannel struct {
	paulis []circuit.PauliBranch
	kraus  [][]complex128
	gram   [][]complex128
	dim    int
}

func compileChannel(ch *circuit.Channel) *compiledChannel {
	cc := &compiledChannel{paulis: ch.Paulis, kraus: ch.Kraus, dim: 1 << ch.Qubits}
	d := cc.dim
	for _, k := range ch.Kraus {
		g := make([]complex128, d*d)
		for r := 0; r < d; r++ {
			for c := 0; c < d; c++ {
				for a := 0; a < d; a++ {
					g[r*d+c] += cmplx.Conj(k[a*d+r]) * k[a*d+c]
				}
			}
		}
		cc.gram = append(cc.gram, g)
	}
	return cc
}

// reducedDensity returns the reduced density matrix of the listed qubits
// (the first is bit 0 of its index), ρ[a][b] = Σ_rest ψ[rest|a] ψ*[rest|b].
func reducedDensity(amp []complex128, qubits []int) []complex128 {
	d := 1 << len(qubits)
	mask := 0
	offset := make([]int, d) // offset[a]: the bits of local index a placed on the qubits
	for _, q := range qubits {
		mask |= 1 << q
	}
	for a := range offset {
		for j, q := range qubits {
			offset[a] |= (a >> j & 1) << q
		}
	}
	rho := make([]complex128, d*d)
	for base := range amp {
		if base&mask != 0 {
			continue
		}
		for a := 0; a < d; a++ {
			x := amp[base|offset[a]]
			if x == 0 {
				continue
			}
			for b := 0; b < d; b++ {
				rho[a*d+b] += x * cmplx.Conj(amp[base|offset[b]])
			}
		}
	}
	return rho
}
