package classical_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/qmlgo/qml/classical"
)

// A short PINN fit of the lecture's oscillator on [0, 2]: the initial
// conditions are built in, the residual is driven to zero by Adam then
// L-BFGS, and the network matches the exact solution.
func ExamplePINN() {
	ode := classical.Oscillator{M: 1, Mu: 0.4, K: 4, U0: 1}
	net, _ := classical.NewTanhNet([]int{16, 16}, 0, 2, rand.New(rand.NewPCG(1, 1)))
	p := &classical.PINN{ODE: ode, Net: net, Lo: 0, Hi: 2, Collocation: classical.Grid(0, 2, 40), Hard: true}
	if _, err := p.Fit(classical.PINNTraining{AdamSteps: 300, LR: 0.01, LBFGSIters: 300}); err != nil {
		fmt.Println(err)
		return
	}
	e, _ := p.MaxError(classical.Grid(0, 2, 201))
	fmt.Println("max error below 1e-3:", e < 1e-3)
	// Output: max error below 1e-3: true
}
