// Package backendtest is the conformance suite every vqc.Backend runs: the
// same random circuits, observables and tolerances for the state vector, the
// matrix product state and any future simulator (gonum's testlapack idea).
// The reference is a deliberately naive dense simulator written here, which
// shares no code with the backends under test.
package backendtest

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/vqc"
)

// Options tunes the suite for a backend.
type Options struct {
	// MaxQubits bounds the random circuits (default 6).
	MaxQubits int
	// Circuits is the number of random circuits (default 40).
	Circuits int
	// Tolerance on expectation values (default 1e-10).
	Tolerance float64
	// GradientTolerance on gradients against finite differences of the
	// reference (default 1e-7).
	GradientTolerance float64
}

func (o *Options) defaults() {
	if o.MaxQubits == 0 {
		o.MaxQubits = 6
	}
	if o.Circuits == 0 {
		o.Circuits = 40
	}
	if o.Tolerance == 0 {
		o.Tolerance = 1e-10
	}
	if o.GradientTolerance == 0 {
		o.GradientTolerance = 1e-7
	}
}

// Run checks be's expectation values against the reference on random
// circuits with every named gate, symbolic weights and inputs, and — when be
// is a vqc.Differentiator — its gradients against central differences of
// the reference and against the parameter-shift rule on be itself.
func Run(t *testing.T, be vqc.Backend, opts Options) {
	t.Helper()
	opts.defaults()
	rng := rand.New(rand.NewPCG(2024, 11))
	for i := 0; i < opts.Circuits; i++ {
		n := 1 + rng.IntN(opts.MaxQubits)
		c := RandomCircuit(rng, n, 6+rng.IntN(20))
		b := RandomBinding(rng, c)
		obs := []circuit.Observable{RandomObservable(rng, n), RandomObservable(rng, n)}
		want := ReferenceExpectations(c, b, obs)
		got, err := be.Expectations(c, b, obs)
		if err != nil {
			t.Fatalf("circuit %d: %v", i, err)
		}
		for k := range want {
			if math.Abs(got[k]-want[k]) > opts.Tolerance {
				t.Fatalf("circuit %d (%d qubits) observable %d: got %.15g, reference %.15g", i, n, k, got[k], want[k])
			}
		}
		d, ok := be.(vqc.Differentiator)
		if !ok {
			continue
		}
		cot := []float64{0.7, -1.3}
		cotangent := func([]float64) ([]float64, error) { return cot, nil }
		e, gw, gx, err := d.ExpectationGradient(c, b, obs, cotangent)
		if err != nil {
			t.Fatalf("circuit %d gradient: %v", i, err)
		}
		for k := range want {
			if math.Abs(e[k]-want[k]) > opts.Tolerance {
				t.Fatalf("circuit %d: gradient run expectation %d: got %.15g, reference %.15g", i, k, e[k], want[k])
			}
		}
		fw, fx := referenceGradient(c, b, obs, cot)
		compare := func(what string, got, want []float64) {
			t.Helper()
			if len(got) != len(want) {
				t.Fatalf("circuit %d: %s gradient has %d entries, want %d", i, what, len(got), len(want))
			}
			for j := range want {
				if math.Abs(got[j]-want[j]) > opts.GradientTolerance {
					t.Fatalf("circuit %d: ∂/∂%s[%d]: got %.12g, finite difference %.12g", i, what, j, got[j], want[j])
				}
			}
		}
		compare("θ", gw, fw)
		compare("x", gx, fx)
		_, sw, sx, err := vqc.ExpectationGradient(be, vqc.ParameterShift, c, b, obs, cotangent)
		if err != nil {
			t.Fatalf("circuit %d parameter shift: %v", i, err)
		}
		compare("θ (shift)", sw, fw)
		compare("x (shift)", sx, fx)
	}
}

// RandomCircuit returns a circuit on n qubits with gates of every kind that
// fits, angles mixing constants, weights and inputs, and an explicit random
// unitary now and then.
func RandomCircuit(rng *rand.Rand, n, gates int) *circuit.Circuit {
	c := circuit.New(n)
	names := circuit.GateNames()
	for len(c.Ops) < gates {
		if rng.IntN(12) == 0 {
			k := 1 + rng.IntN(min(n, 2))
			c.Unitary(RandomUnitary(rng, 1<<k), rng.Perm(n)[:k]...)
			continue
		}
		g, _ := circuit.Lookup(names[rng.IntN(len(names))])
		if g.Qubits > n {
			continue
		}
		params := make([]circuit.Param, g.Params)
		for k := range params {
			params[k] = randomParam(rng)
		}
		c.Gate(g.Name, rng.Perm(n)[:g.Qubits], params...)
	}
	if c.Err() != nil {
		panic(c.Err())
	}
	return c
}

func randomParam(rng *rand.Rand) circuit.Param {
	p := circuit.Const(2 * math.Pi * (rng.Float64() - 0.5))
	switch rng.IntN(4) {
	case 0:
		return p
	case 1:
		return p.Add(circuit.Weight(rng.IntN(4)).Scale(1 + rng.Float64()))
	case 2:
		return p.Add(circuit.Input(rng.IntN(3)).Scale(rng.Float64() - 0.5))
	}
	return p.Add(circuit.Weight(rng.IntN(4))).Add(circuit.Input(rng.IntN(3)).Scale(2))
}

// RandomBinding returns random weights and inputs for every symbol of c.
func RandomBinding(rng *rand.Rand, c *circuit.Circuit) circuit.Binding {
	b := circuit.Binding{Weights: make([]float64, c.NumWeights()), Inputs: make([]float64, c.NumInputs())}
	for i := range b.Weights {
		b.Weights[i] = 4 * (rng.Float64() - 0.5)
	}
	for i := range b.Inputs {
		b.Inputs[i] = 4 * (rng.Float64() - 0.5)
	}
	return b
}

// RandomObservable returns a Pauli sum of a few random terms on n qubits.
func RandomObservable(rng *rand.Rand, n int) circuit.Observable {
	var o circuit.Observable
	for k := 0; k < 1+rng.IntN(4); k++ {
		var ops []circuit.PauliOp
		for q := 0; q < n; q++ {
			if p := rng.IntN(4); p > 0 {
				ops = append(ops, circuit.PauliOp{Qubit: q, P: "XYZ"[p-1]})
			}
		}
		o.Terms = append(o.Terms, circuit.Term(2*rng.Float64()-1, ops...))
	}
	return o
}

// RandomUnitary returns a d×d unitary from Gram–Schmidt on a random complex
// matrix (row-major).
func RandomUnitary(rng *rand.Rand, d int) []complex128 {
	m := make([]complex128, d*d)
	for i := range m {
		m[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	for r := 0; r < d; r++ {
		row := m[r*d : (r+1)*d]
		for p := 0; p < r; p++ {
			prev := m[p*d : (p+1)*d]
			var dot complex128
			for j := range row {
				dot += cmplx.Conj(prev[j]) * row[j]
			}
			for j := range row {
				row[j] -= dot * prev[j]
			}
		}
		norm := 0.0
		for _, v := range row {
			norm += real(v)*real(v) + imag(v)*imag(v)
		}
		for j := range row {
			row[j] /= complex(math.Sqrt(norm), 0)
		}
	}
	return m
}

// ReferenceState simulates c under b naively: for every op and every basis
// index, gather the op's local amplitudes and multiply by its full matrix.
func ReferenceState(c *circuit.Circuit, b circuit.Binding) []complex128 {
	dim := 1 << c.NumQubits
	psi := make([]complex128, dim)
	psi[0] = 1
	for _, op := range c.Ops {
		if op.Kind != circuit.GateOp {
			panic(fmt.Sprintf("reference simulator: %s is not a gate", op.Name()))
		}
		m := op.Matrix(b)
		k := len(op.Qubits)
		out := make([]complex128, dim)
		for i := 0; i < dim; i++ {
			row := 0
			for j, q := range op.Qubits {
				row |= (i >> q & 1) << j
			}
			for col := 0; col < 1<<k; col++ {
				src := i
				for j, q := range op.Qubits {
					src = src&^(1<<q) | (col>>j&1)<<q
				}
				out[i] += m[row<<k|col] * psi[src]
			}
		}
		psi = out
	}
	return psi
}

// ReferenceExpectation is ⟨ψ|O|ψ⟩ with each Pauli applied index by index.
func ReferenceExpectation(psi []complex128, o circuit.Observable) float64 {
	var total complex128
	for _, t := range o.Terms {
		for i := range psi {
			// ⟨i|P|ψ⟩ for the Pauli string: P|j⟩ = phase|j ⊕ flips⟩.
			j, phase := i, complex(t.Coef, 0)
			for _, op := range t.Ops {
				bit := i >> op.Qubit & 1
				switch op.P {
				case 'X':
					j ^= 1 << op.Qubit
				case 'Y':
					j ^= 1 << op.Qubit
					// Y|0⟩ = i|1⟩, Y|1⟩ = −i|0⟩: ⟨i|Y|j⟩ = i if bit(i)=1.
					if bit == 1 {
						phase *= 1i
					} else {
						phase *= -1i
					}
				case 'Z':
					if bit == 1 {
						phase = -phase
					}
				}
			}
			total += cmplx.Conj(psi[i]) * phase * psi[j]
		}
	}
	return real(total)
}

// ReferenceExpectations runs c once and returns every ⟨obs_k⟩.
func ReferenceExpectations(c *circuit.Circuit, b circuit.Binding, obs []circuit.Observable) []float64 {
	psi := ReferenceState(c, b)
	out := make([]float64, len(obs))
	for k, o := range obs {
		out[k] = ReferenceExpectation(psi, o)
	}
	return out
}

// referenceGradient is the central difference of Σ_k w_k⟨O_k⟩ in every weight and input.
func referenceGradient(c *circuit.Circuit, b circuit.Binding, obs []circuit.Observable, w []float64) (gw, gx []float64) {
	const h = 1e-6
	f := func() float64 {
		e := ReferenceExpectations(c, b, obs)
		s := 0.0
		for k := range e {
			s += w[k] * e[k]
		}
		return s
	}
	diff := func(v []float64) []float64 {
		g := make([]float64, len(v))
		for i := range v {
			orig := v[i]
			v[i] = orig + h
			plus := f()
			v[i] = orig - h
			minus := f()
			v[i] = orig
			g[i] = (plus - minus) / (2 * h)
		}
		return g
	}
	b.Weights = append([]float64(nil), b.Weights...)
	b.Inputs = append([]float64(nil), b.Inputs...)
	return diff(b.Weights), diff(b.Inputs)
}
