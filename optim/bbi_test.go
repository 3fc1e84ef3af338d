package optim

import (
	"errors"
	"math"
	"testing"
)

// hamiltonian returns the BBI energy √(V² + V|π|²) of the optimizer's
// current momentum at potential v.
func (b *BBI) hamiltonian(v float64) float64 {
	p := 0.0
	for _, x := range b.pi {
		p += x * x
	}
	return math.Sqrt(v*v + v*p)
}

// TestBBIFirstStep checks the first step by hand: loss 2, V0 = 0, δE = 1
// give E = 3 and |π₀|² = E²/V − V = 2.5 along −∇V = −(3, 4)/5; then
// π₁ = π₀ − ½Δt(V/E + E/V)∇V and θ₁ = θ₀ + Δt(V/E)π₁ with Δt = 0.1.
func TestBBIFirstStep(t *testing.T) {
	b, err := NewBBI(BBIConfig{DT: 0.1, DeltaE: 1, T0: 10, T1: 10})
	if err != nil {
		t.Fatal(err)
	}
	x := []float64{1, 1}
	g := []float64{3, 4}
	if err := b.Step(x, 2, g); err != nil {
		t.Fatal(err)
	}
	kick := 0.5 * 0.1 * (2.0/3 + 3.0/2)
	pi := []float64{-0.6*math.Sqrt(2.5) - kick*3, -0.8*math.Sqrt(2.5) - kick*4}
	want := []float64{1 + 0.1*(2.0/3)*pi[0], 1 + 0.1*(2.0/3)*pi[1]}
	for i := range x {
		if math.Abs(x[i]-want[i]) > 1e-15 || math.Abs(b.pi[i]-pi[i]) > 1e-15 {
			t.Errorf("x = %v, π = %v; want %v, %v", x, b.pi, want, pi)
		}
	}
	if b.energy != 3 {
		t.Errorf("E = %v, want 3", b.energy)
	}
}

// TestBBIEnergyDrift checks that the update equations are Hamilton's
// equations of H = √(V² + V|π|²): before the rescaling, the energy of the
// integrated motion drifts from E by a local error that vanishes as Δt → 0
// (as Δt² for this first-order scheme). After the rescaling H = E to
// rounding.
func TestBBIEnergyDrift(t *testing.T) {
	obj := quadratic([]float64{1, 3}, []float64{0, 0})
	drift := func(dt float64) float64 {
		b, err := NewBBI(BBIConfig{DT: dt, DeltaE: 0.5, T0: 1, T1: 1 << 30})
		if err != nil {
			t.Fatal(err)
		}
		x, g := []float64{1, 1}, make([]float64, 2)
		worst := 0.0
		// Integrate to the same time, 2, at every Δt.
		for k := 0; float64(k)*dt < 2; k++ {
			if err := b.Step(x, obj(x, g), g); err != nil {
				t.Fatal(err)
			}
			v := obj(x, g)
			worst = math.Max(worst, math.Abs(b.hamiltonian(v)-b.energy)/b.energy)
			b.conserveEnergy(v, g)
			if h := b.hamiltonian(v); math.Abs(h-b.energy) > 1e-12*b.energy {
				t.Fatalf("after rescaling H = %v, E = %v", h, b.energy)
			}
		}
		return worst
	}
	d1, d2 := drift(1e-3), drift(1e-4)
	t.Logf("largest relative energy drift in one step: %.3g at Δt = 1e-3, %.3g at 1e-4", d1, d2)
	if d1 > 1e-4 || d2 > d1/50 {
		t.Errorf("relative energy drift per step %g at Δt = 1e-3, %g at 1e-4; want O(Δt²)", d1, d2)
	}
}

// TestBBIBounces checks the bounce schedule: with T0 = 3 and NBounces = 2
// the fixed bounces come before steps 4 and 7 and then stop; with the loss
// held constant there is no new lowest loss after step 1, so T1 = 5 adds a
// bounce 5 steps after the last one, before step 12. A bounce turns π; the
// steps between only rescale it to |π|² = E²/V − V, keeping its direction.
func TestBBIBounces(t *testing.T) {
	const dt = 0.01
	b, err := NewBBI(BBIConfig{DT: dt, DeltaE: 1, T0: 3, T1: 5, NBounces: 2, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	x, g := []float64{0, 0, 0}, []float64{1, 0, 0}
	wantBounces := []int{0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3}
	for k, want := range wantBounces {
		before := append([]float64(nil), b.pi...)
		if err := b.Step(x, 1, g); err != nil {
			t.Fatal(err)
		}
		if b.bounces != want {
			t.Fatalf("after step %d: %d bounces, want %d", k+1, b.bounces, want)
		}
		if k == 0 {
			continue
		}
		// Undo this step's kick −½Δt(V/E + E/V)∇V to recover π as the
		// bounce and rescaling left it; V = 1 and E = 2.
		after := append([]float64(nil), b.pi...)
		after[0] += 0.5 * dt * (0.5 + 2)
		if n := normOf(after); math.Abs(n-math.Sqrt(3)) > 1e-12 {
			t.Errorf("step %d: |π| = %v, want √(E²/V − V) = √3", k+1, n)
		}
		cos := 0.0
		for i := range after {
			cos += after[i] * before[i] / (normOf(after) * normOf(before))
		}
		if turned := cos < 1-1e-12; turned != (want > wantBounces[k-1]) {
			t.Errorf("step %d: cos(π before, π after) = %v with %d bounces before, %d after", k+1, cos, wantBounces[k-1], want)
		}
	}
}

// normOf returns |v|.
func normOf(v []float64) float64 { return distance(v, make([]float64, len(v))) }

// TestBBIBelowV0 checks that a loss at or below V0 is an error that leaves
// x and the optimizer unchanged.
func TestBBIBelowV0(t *testing.T) {
	b, err := NewBBI(BBIConfig{DT: 0.1, V0: 1, DeltaE: 1, T0: 10, T1: 10})
	if err != nil {
		t.Fatal(err)
	}
	x := []float64{1, 2}
	for _, loss := range []float64{1, 0.5, -3} {
		if err := b.Step(x, loss, []float64{1, 1}); !errors.Is(err, ErrBelowV0) {
			t.Errorf("loss %v, v0 1: error %v, want ErrBelowV0", loss, err)
		}
	}
	if x[0] != 1 || x[1] != 2 || b.started {
		t.Errorf("failed steps changed the state: x = %v, started = %v", x, b.started)
	}
	if err := b.Step(x, math.NaN(), []float64{1, 1}); !errors.Is(err, ErrNonFinite) {
		t.Errorf("NaN loss: error %v, want ErrNonFinite", err)
	}
}

// TestBBIAboveEnergy checks the case V > E, where no momentum has energy
// E and π is kicked without rescaling. With δE = 0 and a first loss of 1,
// E = 1 and π₀ = 0; by hand, with Δt = 0.1 and ∇V = 1:
//
//	step 1 (V = 1): π₁ = −½·0.1·(1 + 1) = −0.1,       x₁ = 0.1·1·π₁ = −0.01;
//	step 2 (V = 2): π₂ = π₁ − ½·0.1·(2 + ½) = −0.225, x₂ = x₁ + 0.1·2·π₂ = −0.055.
func TestBBIAboveEnergy(t *testing.T) {
	b, err := NewBBI(BBIConfig{DT: 0.1, DeltaE: 0, T0: 10, T1: 10})
	if err != nil {
		t.Fatal(err)
	}
	x, g := []float64{0}, []float64{1}
	for k, tc := range []struct{ loss, pi, x float64 }{{1, -0.1, -0.01}, {2, -0.225, -0.055}} {
		if err := b.Step(x, tc.loss, g); err != nil {
			t.Fatal(err)
		}
		if math.Abs(b.pi[0]-tc.pi) > 1e-15 || math.Abs(x[0]-tc.x) > 1e-15 {
			t.Errorf("step %d: π = %v, x = %v; want %v, %v", k+1, b.pi[0], x[0], tc.pi, tc.x)
		}
	}
}
