package control_test

import (
	"fmt"
	"math"

	"github.com/qmlgo/qml/control"
	"github.com/qmlgo/qml/linalg"
)

// Train an X gate on a qubit with two piecewise-constant drives under a
// detuning, then check it with the independent re-simulation.
func ExampleOptimize() {
	sys, err := control.PauliSystem(1, "0.3*Z0", "0.5*X0", "0.5*Y0")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range sys.Channels {
		p := control.NewPulse(c.Name, control.PWC{N: 10}, 0, math.Pi)
		p.Params[0] = 0.1
		p.BoundAmplitudes(2)
		c.Add(p)
	}
	x, _ := control.Pauli('X')
	gate, _ := control.NewGate(x, 2, nil, control.TraceAbs, 0)
	e, err := control.NewEvaluator(control.Problem{System: sys, Duration: math.Pi, Objective: gate})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := control.Optimize(e, e.Initial(), control.Options{Target: 1e-10})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Status, res.Metrics["infidelity"] <= 1e-10, res.Resimulated["infidelity"] <= 1e-9)
	// Output: goal achieved true true
}

// A resonant π pulse on a transmon in its rotating frame with the RWA: a
// constant Rabi frequency Ω for π/Ω takes |0⟩ to |1⟩.
func ExampleTransmons() {
	ts := &control.Transmons{Modes: []control.Transmon{{Levels: 2, Freq: 5}}, RWA: true}
	sys, _ := ts.Build()
	omega := 2 * math.Pi * 0.025 // 25 MHz
	p := control.NewPulse("pi", control.PWC{N: 1}, 0, math.Pi/omega)
	p.Params[0] = omega
	_ = ts.Drive(sys, 0, p)
	obj, _ := control.NewStateTransfer(control.BasisState(2, 0), control.BasisState(2, 1))
	e, _ := control.NewEvaluator(control.Problem{System: sys, Duration: math.Pi / omega, Objective: obj})
	ev, _ := e.Evolve(e.Initial())
	fmt.Printf("P(1) = %.6f after %.0f ns\n", ev.Populations()[len(ev.States)-1][1], math.Pi/omega)
	// Output: P(1) = 1.000000 after 20 ns
}

// Every envelope returns its value and its derivatives side by side.
func ExampleEnvelope() {
	g := control.Gaussian{}
	p := []float64{1.5, 0.5, 0.2} // amp, center, sigma
	dp := make([]complex128, g.NumParams())
	v := g.Eval(p, 0.7, 10, dp)
	fmt.Printf("Ω = %.4f, ∂Ω/∂s = %.4f, ∂Ω/∂amp = %.4f\n", real(v.V), real(v.DS), real(dp[0]))
	// Output: Ω = 0.9098, ∂Ω/∂s = -4.5490, ∂Ω/∂amp = 0.6065
}

// The Lindblad generator of amplitude damping, applied to the excited state.
func ExampleLiouvillian() {
	zero := &linalg.Matrix{Rows: 2, Cols: 2, Data: make([]complex128, 4)}
	l := control.Destroy(2)
	l.Scale(0.5, l) // rate γ = 0.25
	L, _ := control.Liouvillian(zero, []*linalg.Matrix{l})
	excited := &linalg.Matrix{Rows: 2, Cols: 2, Data: []complex128{0, 0, 0, 1}}
	var drho linalg.Matrix
	_ = drho.Mul(L, control.VecDensity(excited))
	fmt.Println(real(drho.Data[0]), real(drho.Data[3]))
	// Output: 0.25 -0.25
}
