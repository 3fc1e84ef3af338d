package density

import (
	"math"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// idleModel returns a model putting ch after every id gate; the channels
// of these tests are constant and valid, so err is a broken test.
func idleModel(ch *circuit.Channel, err error) *circuit.NoiseModel {
	if err != nil {
		panic(err)
	}
	return &circuit.NoiseModel{Channels: []circuit.NoiseRule{{Gates: []string{"id"}, Channel: ch}}}
}

// TestT1Decay: |1⟩ idling for k steps of dt under thermal relaxation keeps
// P(1) = e^{−k·dt/T1} (and amplitude damping with γ = 1 − e^{−dt/T1} does
// the same).
func TestT1Decay(t *testing.T) {
	const T1, T2, dt = 50.0, 30.0, 2.5
	for _, m := range []*circuit.NoiseModel{
		idleModel(circuit.ThermalRelaxation(T1, T2, dt, 0)),
		idleModel(circuit.AmplitudeDamping(1 - math.Exp(-dt/T1))),
	} {
		c := circuit.New(1).Gate("x", []int{0})
		for k := 1; k <= 40; k++ {
			c.Gate("id", []int{0})
			s, _ := New(1)
			if err := s.Run(c, circuit.Binding{}, m); err != nil {
				t.Fatal(err)
			}
			want := math.Exp(-float64(k) * dt / T1)
			if got := s.Probabilities()[1]; math.Abs(got-want) > 1e-13 {
				t.Fatalf("%s, step %d: P(1) = %.15g, want e^{−t/T1} = %.15g", m.Channels[0].Channel.Spec.Type, k, got, want)
			}
		}
	}
}

// TestRamsey: H, k idle steps, H. Under dephasing with coherence factor
// e^{−dt/T2} per step, P(0) = (1 + e^{−t/T2})/2; under thermal relaxation
// too, since after the last H P(0) = 1/2 + Re ρ01 and ρ01 = e^{−t/T2}/2
// whatever T1 does to the populations.
func TestRamsey(t *testing.T) {
	const T1, T2, dt = 80.0, 20.0, 1.5
	// Phase damping with √(1−λ) = e^{−dt/T2}.
	pd := idleModel(circuit.PhaseDamping(1 - math.Exp(-2*dt/T2)))
	tr := idleModel(circuit.ThermalRelaxation(T1, T2, dt, 0))
	for k := 0; k <= 30; k += 3 {
		c := circuit.New(1).Gate("h", []int{0})
		for range k {
			c.Gate("id", []int{0})
		}
		c.Gate("h", []int{0})
		tt := float64(k) * dt
		s, _ := New(1)
		if err := s.Run(c, circuit.Binding{}, pd); err != nil {
			t.Fatal(err)
		}
		if got, want := s.Probabilities()[0], (1+math.Exp(-tt/T2))/2; math.Abs(got-want) > 1e-13 {
			t.Errorf("phase damping, t=%g: P(0) = %.15g, want %.15g", tt, got, want)
		}
		s.Reset()
		if err := s.Run(c, circuit.Binding{}, tr); err != nil {
			t.Fatal(err)
		}
		if got, want := s.Probabilities()[0], (1+math.Exp(-tt/T2))/2; math.Abs(got-want) > 1e-13 {
			t.Errorf("thermal relaxation, t=%g: P(0) = %.15g, want %.15g", tt, got, want)
		}
	}
}

// TestGHZFidelity: a GHZ state on n qubits, then one-qubit depolarizing
// noise of error probability p on every qubit (after an id gate). With
// λ = 1 − 4p/3 each qubit keeps ρ with weight λ and is replaced by I/2
// otherwise; tracing out s ≥ 1 of the n qubits of a GHZ state (s < n)
// leaves a state whose overlap with GHZ is 2^{−(s+1)}, and all n leave
// 2^{−n}. So F = λ^n + Σ_{s=1}^{n−1} C(n,s) λ^{n−s}(1−λ)^s / 2^{s+1}
// + (1−λ)^n / 2^n.
func TestGHZFidelity(t *testing.T) {
	for _, n := range []int{2, 3, 5} {
		for _, p := range []float64{0.01, 0.1, 0.5} {
			m := idleModel(circuit.Depolarizing(p))
			c := circuit.New(n).Gate("h", []int{0})
			for q := 1; q < n; q++ {
				c.Gate("cx", []int{q - 1, q})
			}
			for q := 0; q < n; q++ {
				c.Gate("id", []int{q})
			}
			s, _ := New(n)
			if err := s.Run(c, circuit.Binding{}, m); err != nil {
				t.Fatal(err)
			}
			ghz := make([]complex128, 1<<n)
			ghz[0], ghz[1<<n-1] = complex(1/math.Sqrt2, 0), complex(1/math.Sqrt2, 0)
			got, err := s.Fidelity(ghz)
			if err != nil {
				t.Fatal(err)
			}
			lam := 1 - 4*p/3
			want := math.Pow(lam, float64(n)) + math.Pow(1-lam, float64(n))/math.Pow(2, float64(n))
			for k := 1; k < n; k++ {
				want += binomial(n, k) * math.Pow(lam, float64(n-k)) * math.Pow(1-lam, float64(k)) / math.Pow(2, float64(k+1))
			}
			if math.Abs(got-want) > 1e-12 {
				t.Errorf("n=%d p=%g: fidelity %.15g, closed form %.15g", n, p, got, want)
			}
		}
	}
}

func binomial(n, k int) float64 {
	r := 1.0
	for i := 1; i <= k; i++ {
		r = r * float64(n-k+i) / float64(i)
	}
	return r
}

// TestPurityAndTrace: the maximally depolarizing channel on every qubit
// leaves I/2^n, of purity 2^−n.
func TestPurityAndTrace(t *testing.T) {
	m := idleModel(circuit.Depolarizing(0.75))
	c := circuit.New(3).Gate("h", []int{0}).Gate("cx", []int{0, 1})
	for q := range 3 {
		c.Gate("id", []int{q})
	}
	s, _ := New(3)
	if err := s.Run(c, circuit.Binding{}, m); err != nil {
		t.Fatal(err)
	}
	if math.Abs(s.Purity()-1.0/8) > 1e-14 || math.Abs(s.Trace()-1) > 1e-14 {
		t.Errorf("purity %v, trace %v; want 1/8 and 1", s.Purity(), s.Trace())
	}
}

// TestFromStateVector: |ψ⟩⟨ψ| of a normalised ψ has ρ[r][c] = ψ_r ψ_c*,
// purity 1 and fidelity 1 with ψ.
func TestFromStateVector(t *testing.T) {
	psi := []complex128{0.5, 0.5i, complex(0, -0.5), 0.5}
	s, err := FromStateVector(psi)
	if err != nil {
		t.Fatal(err)
	}
	m := s.Matrix()
	for r := range 4 {
		for c := range 4 {
			want := psi[r] * complex(real(psi[c]), -imag(psi[c]))
			if m[r*4+c] != want || s.At(r, c) != want {
				t.Errorf("ρ[%d][%d] = %v, want %v", r, c, m[r*4+c], want)
			}
		}
	}
	f, err := s.Fidelity(psi)
	if err != nil || math.Abs(f-1) > 1e-15 || math.Abs(s.Purity()-1) > 1e-15 {
		t.Errorf("fidelity %v (%v), purity %v", f, err, s.Purity())
	}
	if _, err := FromStateVector(make([]complex128, 3)); err == nil {
		t.Error("3 amplitudes accepted")
	}
}
