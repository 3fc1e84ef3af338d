package statevector

import (
	"math"
	"math/cmplx"
	"testing"

	"github.com/itsubaki/q/math/matrix"
	"github.com/itsubaki/q/quantum/gate"
	"github.com/qmlgo/qml/circuit"
)

// denseObservable builds the 2^n × 2^n matrix of o as Σ coef·(P_{n−1} ⊗ … ⊗
// P_0) with itsubaki/q's Kronecker product: qubit n−1 is the leftmost
// factor, so the row index is our basis index.
func denseObservable(o circuit.Observable, n int) *matrix.Matrix {
	dim := 1 << n
	sum := matrix.Zero(dim, dim)
	for _, term := range o.Terms {
		factors := make([]*matrix.Matrix, n)
		for q := range n {
			factors[n-1-q] = gate.I()
		}
		for _, op := range term.Ops {
			switch op.P {
			case 'X':
				factors[n-1-op.Qubit] = gate.X()
			case 'Y':
				factors[n-1-op.Qubit] = gate.Y()
			case 'Z':
				factors[n-1-op.Qubit] = gate.Z()
			}
		}
		sum = sum.Add(matrix.TensorProduct(factors...).Mul(complex(term.Coef, 0)))
	}
	return sum
}

// sandwich returns ⟨ψ|M|ψ⟩.
func sandwich(psi []complex128, m *matrix.Matrix) complex128 {
	var sum complex128
	for i := range psi {
		for j := range psi {
			sum += cmplx.Conj(psi[i]) * m.At(i, j) * psi[j]
		}
	}
	return sum
}

func randomObservable(n, terms int, rng interface {
	IntN(int) int
	Float64() float64
}) circuit.Observable {
	var o circuit.Observable
	for range terms {
		var ops []circuit.PauliOp
		for q := range n {
			if p := "IXYZ"[rng.IntN(4)]; p != 'I' {
				ops = append(ops, circuit.PauliOp{Qubit: q, P: p})
			}
		}
		o.Terms = append(o.Terms, circuit.Term(2*rng.Float64()-1, ops...))
	}
	return o
}

// TestExpectationAgainstDenseMatrix compares ⟨ψ|O|ψ⟩ with the explicit
// matrix product for random states and random X/Y/Z observables, n ≤ 6.
func TestExpectationAgainstDenseMatrix(t *testing.T) {
	rng := newRNG(11)
	for trial := range 30 {
		n := 1 + trial%6
		c, b := randomCircuit(n, 4*n, rng)
		s, _ := New(n)
		if err := s.Run(c, b); err != nil {
			t.Fatal(err)
		}
		obs := []circuit.Observable{randomObservable(n, 1+rng.IntN(6), rng), randomObservable(n, 3, rng)}
		// Repeat a term's flip mask across observables and add an identity term.
		obs[1].Terms = append(obs[1].Terms, obs[0].Terms[0], circuit.Term(0.25))
		got, err := s.Expectations(obs)
		if err != nil {
			t.Fatal(err)
		}
		for k, o := range obs {
			want := sandwich(s.Amplitudes(), denseObservable(o, n))
			if math.Abs(imag(want)) > 1e-12 || math.Abs(got[k]-real(want)) > 1e-12 {
				t.Fatalf("trial %d observable %d (%v): got %v, want %v", trial, k, o, got[k], want)
			}
		}
		one, _ := s.Expectation(obs[0])
		if math.Abs(one-got[0]) > 1e-14 {
			t.Errorf("Expectation %v ≠ Expectations[0] %v", one, got[0])
		}
	}
}

// TestExpectationClosedForms uses states with known values: ⟨Z⟩ = cos θ,
// ⟨X⟩ = sin θ cos φ, ⟨Y⟩ = sin θ sin φ for RZ(φ)RY(θ)|0⟩ (Bloch sphere), and
// ⟨XX⟩ = ⟨ZZ⟩ = 1, ⟨YY⟩ = −1 for the Bell state (|00⟩ + |11⟩)/√2.
func TestExpectationClosedForms(t *testing.T) {
	theta, phi := 0.8, -2.1
	s, _ := New(1)
	if err := s.Run(circuit.New(1).RY(0, circuit.Const(theta)).RZ(0, circuit.Const(phi)), circuit.Binding{}); err != nil {
		t.Fatal(err)
	}
	bell, _ := New(2)
	if err := bell.Run(circuit.New(2).H(0).CX(0, 1), circuit.Binding{}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		s    *State
		obs  string
		want float64
	}{
		{s, "Z0", math.Cos(theta)},
		{s, "X0", math.Sin(theta) * math.Cos(phi)},
		{s, "Y0", math.Sin(theta) * math.Sin(phi)},
		{s, "2*X0 - Z0 + 0.5", 2*math.Sin(theta)*math.Cos(phi) - math.Cos(theta) + 0.5},
		{bell, "X0*X1", 1},
		{bell, "Y0*Y1", -1},
		{bell, "Z0*Z1", 1},
		{bell, "Z0", 0},
		{bell, "X0*Y1", 0},
	}
	for _, tt := range tests {
		o, err := circuit.ParseObservable(tt.obs)
		if err != nil {
			t.Fatal(err)
		}
		got, err := tt.s.Expectation(o)
		if err != nil || math.Abs(got-tt.want) > 1e-14 {
			t.Errorf("⟨%s⟩ = %v (%v), want %v", tt.obs, got, err, tt.want)
		}
	}
	if _, err := s.Expectation(circuit.Sum(circuit.Term(1, circuit.Z(1)))); err == nil {
		t.Error("observable on qubit 1 of a 1-qubit state accepted")
	}
}

// TestExpectationRotatedGroups measures observables made of large
// qubit-wise commuting families (the basis-change path) on registers of
// ten and more qubits: against the dense matrix on an entangled 10-qubit
// state, and against the closed form Π_q ⟨P_q⟩ on a 13-qubit product state
// RZ(φ_q)RY(θ_q)|0⟩, whose Bloch vector gives ⟨X⟩ = sin θ cos φ,
// ⟨Y⟩ = sin θ sin φ, ⟨Z⟩ = cos θ.
func TestExpectationRotatedGroups(t *testing.T) {
	rng := newRNG(70)
	family := func(n, terms int, paulis string) circuit.Observable {
		var o circuit.Observable
		for range terms {
			var ops []circuit.PauliOp
			for q := range n {
				if rng.IntN(2) == 0 {
					ops = append(ops, circuit.PauliOp{Qubit: q, P: paulis[q%len(paulis)]})
				}
			}
			o.Terms = append(o.Terms, circuit.Term(2*rng.Float64()-1, ops...))
		}
		return o
	}
	const n = 10
	c, b := randomCircuit(n, 40, rng)
	s, _ := New(n)
	if err := s.Run(c, b); err != nil {
		t.Fatal(err)
	}
	o := family(n, 6, "XYZ")
	got, err := s.Expectation(o)
	if err != nil {
		t.Fatal(err)
	}
	if want := sandwich(s.Amplitudes(), denseObservable(o, n)); math.Abs(got-real(want)) > 1e-12 {
		t.Errorf("10 qubits: got %v, want %v", got, want)
	}

	const m = 13
	theta, phi := make([]float64, m), make([]float64, m)
	prod := circuit.New(m)
	for q := range m {
		theta[q], phi[q] = 3*rng.Float64(), 6*rng.Float64()
		prod.RY(q, circuit.Const(theta[q]))
		prod.RZ(q, circuit.Const(phi[q]))
	}
	for _, p := range []Precision{Double, Single} {
		ps, _ := NewPrecision(m, p)
		if err := ps.Run(prod, circuit.Binding{}); err != nil {
			t.Fatal(err)
		}
		obs := []circuit.Observable{family(m, 8, "XY"), family(m, 5, "YZX")}
		got, err := ps.Expectations(obs)
		if err != nil {
			t.Fatal(err)
		}
		for k, o := range obs {
			want := 0.0
			for _, term := range o.Terms {
				v := term.Coef
				for _, op := range term.Ops {
					q := op.Qubit
					switch op.P {
					case 'X':
						v *= math.Sin(theta[q]) * math.Cos(phi[q])
					case 'Y':
						v *= math.Sin(theta[q]) * math.Sin(phi[q])
					case 'Z':
						v *= math.Cos(theta[q])
					}
				}
				want += v
			}
			tol := 1e-12
			if p == Single {
				tol = 1e-5
			}
			if math.Abs(got[k]-want) > tol {
				t.Errorf("%v, observable %d: got %v, want %v", p, k, got[k], want)
			}
		}
	}
}
