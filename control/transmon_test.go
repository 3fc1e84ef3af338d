package control

import (
	"math"
	"testing"

	"github.com/qmlgo/qml/linalg"
)

// frameCase propagates a resonant Gaussian π pulse on a 3-level transmon
// (5 GHz, α = −0.3 GHz) in the given frame and returns the final
// populations of the three levels from |0⟩.
func frameCase(t *testing.T, lab, rwa bool) []float64 {
	t.Helper()
	ts := &Transmons{Modes: []Transmon{{Levels: 3, Essential: 2, Freq: 5, Anharm: -0.3}}, Lab: lab, RWA: rwa}
	sys, err := ts.Build()
	if err != nil {
		t.Fatal(err)
	}
	// ∫Ω dt = π for a Gaussian of σ = τ/6 truncated at ±3σ.
	const tau = 20.0
	sigma := 1.0 / 6
	area := tau * sigma * math.Sqrt(2*math.Pi) * math.Erf(3/math.Sqrt2)
	p := NewPulse("x", Gaussian{}, 0, tau)
	p.Params[0] = math.Pi / area
	if err := ts.Drive(sys, 0, p); err != nil {
		t.Fatal(err)
	}
	obj, _ := NewStateTransfer(BasisState(3, 0), BasisState(3, 1))
	e, err := NewEvaluator(Problem{System: sys, Duration: tau, Integrator: Magnus4, StepFactor: 0.05, Objective: obj})
	if err != nil {
		t.Fatal(err)
	}
	ev, err := e.Evolve(e.Initial())
	if err != nil {
		t.Fatal(err)
	}
	return ev.Populations()[len(ev.States)-1]
}

// TestTransmonFrames: populations do not depend on the frame, so the lab
// frame and the rotating frame without the RWA agree to integration
// accuracy; the RWA differs from them by the small counter-rotating
// (Bloch–Siegert) correction, and all three nearly complete the π pulse.
func TestTransmonFrames(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: run without -short")
	}
	lab := frameCase(t, true, false)
	rot := frameCase(t, false, false)
	rwa := frameCase(t, false, true)
	for i := range lab {
		if d := math.Abs(lab[i] - rot[i]); d > 1e-9 {
			t.Errorf("level %d: lab %v, rotating without RWA %v", i, lab[i], rot[i])
		}
	}
	d := math.Abs(lab[1] - rwa[1])
	if d == 0 || d > 1e-3 {
		t.Errorf("RWA P(1) = %v, lab %v: want a small non-zero difference", rwa[1], lab[1])
	}
	if rwa[1] < 0.9 {
		t.Errorf("π pulse reaches P(1) = %v", rwa[1])
	}
}

// TestTransmonHamiltonian checks the drift of two coupled transmons in the
// lab frame element by element.
func TestTransmonHamiltonian(t *testing.T) {
	ts := &Transmons{Modes: []Transmon{{Levels: 3, Freq: 5, Anharm: -0.25}, {Levels: 2, Freq: 6}}, Couplings: []Coupling{{0, 1, 0.01}}, Lab: true}
	sys, err := ts.Build()
	if err != nil {
		t.Fatal(err)
	}
	tp := 2 * math.Pi
	// |n0, n1⟩ = index n0 + 3·n1: energies 2π[5 n0 − 0.125 n0(n0−1) + 6 n1].
	for n1 := range 2 {
		for n0 := range 3 {
			i := n0 + 3*n1
			want := tp * (5*float64(n0) - 0.125*float64(n0*(n0-1)) + 6*float64(n1))
			if got := real(sys.Drift.At(i, i)); math.Abs(got-want) > 1e-12 {
				t.Errorf("E(%d,%d) = %v, want %v", n0, n1, got, want)
			}
		}
	}
	// ⟨0,1|H|1,0⟩ = 2π·g (a₀†a₁ moves the excitation from mode 1 to mode 0).
	if got := sys.Drift.At(1, 3); math.Abs(real(got)-tp*0.01) > 1e-15 {
		t.Errorf("coupling element %v, want %v", got, tp*0.01)
	}
	if !isHermitian(sys.Drift, 1e-14) {
		t.Error("drift not Hermitian")
	}
	if got := ts.Essential(); len(got) != 6 {
		t.Errorf("all levels essential: %v", got)
	}
	ts.Modes[0].Essential = 2
	if got, want := ts.Guard(), []int{2, 5}; len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("guard states %v, want %v", got, want)
	}
	r := ts.FrameRotation(1, []int{0, 1, 3})
	want := []complex128{1, complexExp(-tp * 5), complexExp(-tp * 6)}
	for i, w := range want {
		if d := r.At(i, i) - w; math.Hypot(real(d), imag(d)) > 1e-12 {
			t.Errorf("frame rotation %d: %v, want %v", i, r.At(i, i), w)
		}
	}
	if _, err := (&Transmons{}).Build(); err == nil {
		t.Error("no modes accepted")
	}
	bad := &Transmons{Modes: []Transmon{{Levels: 2}}, Couplings: []Coupling{{0, 0, 1}}}
	if _, err := bad.Build(); err == nil {
		t.Error("self-coupling accepted")
	}
}

func complexExp(phi float64) complex128 {
	s, c := math.Sincos(phi)
	return complex(c, s)
}

// TestTransmonRotatingCoupling: two modes in different frames get a
// Constant-envelope coupling channel oscillating at their detuning; its
// dynamics equal the lab frame's.
func TestTransmonRotatingCoupling(t *testing.T) {
	pops := func(lab bool) []float64 {
		ts := &Transmons{Modes: []Transmon{{Levels: 2, Freq: 4.8}, {Levels: 2, Freq: 4.85}}, Couplings: []Coupling{{0, 1, 0.02}}, Lab: lab, RWA: false}
		sys, _ := ts.Build()
		if !lab && sys.Channel("coupling0-1") == nil {
			t.Fatal("no coupling channel in the rotating frame")
		}
		psi := &linalg.Matrix{Rows: 4, Cols: 1, Data: []complex128{0, 1, 0, 0}}
		obj, _ := NewStateTransfer(psi, psi)
		e, err := NewEvaluator(Problem{System: sys, Duration: 10, Slices: 4000, Integrator: Magnus4, Objective: obj})
		if err != nil {
			t.Fatal(err)
		}
		ev, _ := e.Evolve(e.Initial())
		return ev.Populations()[len(ev.States)-1]
	}
	a, b := pops(true), pops(false)
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9 {
			t.Errorf("population %d: lab %v, rotating %v", i, a[i], b[i])
		}
	}
}
