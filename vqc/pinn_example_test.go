package vqc_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/qmlgo/qml/statevector"
	"github.com/qmlgo/qml/vqc"
)

// A one-qubit circuit with the tower map and the identity ansatz has
// u(x) = cos x̃, x̃ = (x − 5)/5 on [0, 10]; the parameter-shift jet gives
// its derivatives exactly: −sin(x̃)/5 and −cos(x̃)/25.
func ExamplePINNCircuit_Jet() {
	p, err := vqc.NewPINNCircuit(&statevector.Simulator{}, 1, 1, vqc.TowerMap, 0, 10, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		fmt.Println(err)
		return
	}
	clear(p.Theta)
	u, du, d2u, _ := p.Jet(p.Theta, 5, nil, nil)
	fmt.Printf("u = %.4f, u′ = %.4f, u″ = %.4f\n", u, du, d2u)
	// Output: u = 1.0000, u′ = 0.0000, u″ = -0.0400
}
