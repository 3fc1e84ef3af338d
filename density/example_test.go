package density_test

import (
	"fmt"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/density"
)

// A Bell pair whose CNOT is followed by two-qubit depolarizing noise of
// error probability p = 0.1. Of the 15 Paulis other than II, 8 anticommute
// with Z0Z1, so ⟨Z0Z1⟩ = 1 − p + p·(7 − 8)/15 = 1 − 16p/15; 3 (XX, YY, ZZ)
// keep the Bell state and 4 map it onto each of the other three, so the
// purity is (1 − p + 3p/15)² + 3·(4p/15)².
func Example() {
	dep, err := circuit.Depolarizing2(0.1)
	if err != nil {
		fmt.Println(err)
		return
	}
	noise := &circuit.NoiseModel{Channels: []circuit.NoiseRule{{Gates: []string{"cx"}, Channel: dep}}}
	c := circuit.New(2).Gate("h", []int{0}).Gate("cx", []int{0, 1})
	rho, _ := density.New(2)
	if err := rho.Run(c, circuit.Binding{}, noise); err != nil {
		fmt.Println(err)
		return
	}
	zz, _ := rho.Expectation(circuit.Sum(circuit.Term(1, circuit.Z(0), circuit.Z(1))))
	fmt.Printf("<Z0 Z1> = %.6f, purity %.6f\n", zz, rho.Purity())
	// Output: <Z0 Z1> = 0.893333, purity 0.848533
}
