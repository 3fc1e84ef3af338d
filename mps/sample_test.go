package mps_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/mps"
	"github.com/qmlgo/qml/statevector"
	"github.com/qmlgo/qml/vqc/backendtest"
)

// ghz returns the n-qubit GHZ circuit h(0), cx(0,1), …, cx(n−2,n−1).
func ghz(n int) *circuit.Circuit {
	c := circuit.New(n).H(0)
	for q := 0; q+1 < n; q++ {
		c.CX(q, q+1)
	}
	return c
}

// GHZ on 1000 qubits stays at bond dimension 2 and is exact: the two
// amplitudes are 1/√2 (closed form), a third is 0, and samples are
// all-zeros or all-ones in binomial proportion.
func TestGHZ1000(t *testing.T) {
	const n = 1000
	s, err := mps.New(n, mps.Options{MaxBond: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Run(ghz(n), circuit.Binding{}); err != nil {
		t.Fatal(err)
	}
	r := s.Report()
	if r.MaxBond != 2 || r.FidelityEstimate != 1 {
		t.Fatalf("report %+v, want bond 2 and fidelity 1", r)
	}
	zeros, ones := strings.Repeat("0", n), strings.Repeat("1", n)
	for _, tc := range []struct {
		bits string
		want float64
	}{{zeros, 1 / math.Sqrt2}, {ones, 1 / math.Sqrt2}, {"1" + zeros[1:], 0}} {
		a, err := s.Amplitude(tc.bits)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(real(a)-tc.want) > 1e-12 || math.Abs(imag(a)) > 1e-12 {
			t.Errorf("amplitude %v, want %v", a, tc.want)
		}
	}
	const shots = 4000
	counts, err := s.Sample(shots, rand.New(rand.NewPCG(3, 4)))
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) != 2 || counts[zeros]+counts[ones] != shots {
		t.Fatalf("%d distinct outcomes, want the two GHZ strings", len(counts))
	}
	// Binomial(4000, ½): σ ≈ 32; allow 5σ.
	if d := math.Abs(float64(counts[ones]) - shots/2); d > 160 {
		t.Errorf("%d ones-strings of %d", counts[ones], shots)
	}
}

// Sampling a random entangled state reproduces the state vector's Born
// probabilities: the total variation distance from the exact distribution
// is within the statistical error of 20000 shots.
func TestSampleMatchesBornProbabilities(t *testing.T) {
	const n, shots = 6, 20000
	rng := rand.New(rand.NewPCG(8, 9))
	c := randomCircuit(rng, n, 40)
	b := backendtest.RandomBinding(rng, c)
	amp := exactState(t, c, b)
	exact := make(map[string]int)
	const scale = 1 << 40 // exact probabilities as a tally of 2^40 draws
	for i, a := range amp {
		exact[statevector.Bitstring(i, n)] = int(scale * (real(a)*real(a) + imag(a)*imag(a)))
	}
	s, _ := mps.New(n, mps.Options{})
	if err := s.Run(c, b); err != nil {
		t.Fatal(err)
	}
	counts, err := s.Sample(shots, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, v := range counts {
		total += v
	}
	if total != shots {
		t.Fatalf("%d samples, want %d", total, shots)
	}
	// E[TV] ≲ ½·Σ sqrt(p/shots) ≤ ½·sqrt(64/20000) ≈ 0.03.
	if tv := totalVariation(counts, shots, exact, scale); tv > 0.04 {
		t.Errorf("total variation %.4f from the Born distribution", tv)
	}
}

// Measure collapses and renormalises; ResetQubit returns the qubit to |0⟩.
func TestMeasureAndReset(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	ones := 0
	for range 400 {
		s, _ := mps.New(3, mps.Options{})
		if err := s.Run(ghz(3), circuit.Binding{}); err != nil {
			t.Fatal(err)
		}
		v, err := s.Measure(1, rng)
		if err != nil {
			t.Fatal(err)
		}
		ones += v
		// After the outcome the GHZ state is |vvv⟩.
		want := strings.Repeat(string('0'+byte(v)), 3)
		if a, _ := s.Amplitude(want); math.Abs(real(a)-1) > 1e-12 {
			t.Fatalf("after outcome %d, <%s|ψ> = %v", v, want, a)
		}
		if err := s.ResetQubit(2, rng); err != nil {
			t.Fatal(err)
		}
		want = "0" + want[1:]
		if a, _ := s.Amplitude(want); math.Abs(real(a)-1) > 1e-12 {
			t.Fatalf("after reset, <%s|ψ> = %v", want, a)
		}
	}
	// Binomial(400, ½): σ = 10.
	if ones < 150 || ones > 250 {
		t.Errorf("%d ones in 400 measurements of a GHZ qubit", ones)
	}
	s, _ := mps.New(2, mps.Options{})
	for _, tc := range []struct {
		q   int
		rng *rand.Rand
	}{{-1, rng}, {2, rng}, {0, nil}} {
		if _, err := s.Measure(tc.q, tc.rng); err == nil {
			t.Errorf("Measure(%d, %v): no error", tc.q, tc.rng)
		}
	}
	if _, err := s.Sample(-1, rng); err == nil {
		t.Error("Sample(-1): no error")
	}
	if _, err := s.Sample(5, nil); err == nil {
		t.Error("Sample with nil rng: no error")
	}
	if _, err := s.Amplitude("0"); err == nil {
		t.Error("Amplitude of a short bitstring: no error")
	}
	if _, err := s.Amplitude("0x"); err == nil {
		t.Error("Amplitude of a non-binary string: no error")
	}
}
