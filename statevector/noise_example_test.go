package statevector_test

import (
	"fmt"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/statevector"
)

// A qubit flipped by X, with a 10 % chance that noise flips it back, read
// with a 5 % chance of misreading 1 as 0: P(read 1) = 0.9·0.95 = 0.855.
// The counts of 10⁴ trajectories (8550 ± 35 expected) are fixed by the
// seed.
func ExampleExecuteNoisy() {
	flip, err := circuit.BitFlip(0.1)
	if err != nil {
		fmt.Println(err)
		return
	}
	noise := &circuit.NoiseModel{
		Channels: []circuit.NoiseRule{{Gates: []string{"x"}, Channel: flip}},
		Readout:  []circuit.ReadoutRule{{ReadoutError: circuit.ReadoutError{P0Given1: 0.05}}},
	}
	c := circuit.New(1).Gate("x", []int{0}).MeasureAll()
	res, err := statevector.ExecuteNoisy(c, circuit.Binding{}, noise, 10000, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Counts["1"], "of 10000 read 1")
	// Output: 8529 of 10000 read 1
}
