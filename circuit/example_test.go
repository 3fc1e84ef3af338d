package circuit_test

import (
	"fmt"
	"math"

	"github.com/qmlgo/qml/circuit"
)

// A Bell pair: the chain needs one error check at the end.
func ExampleNew() {
	c := circuit.New(2).H(0).CX(0, 1).MeasureAll()
	if err := c.Err(); err != nil {
		fmt.Println(err)
		return
	}
	for _, op := range c.Ops {
		if op.Kind == circuit.MeasureOp {
			fmt.Printf("measure q%d -> c%d\n", op.Qubits[0], op.Clbit)
			continue
		}
		fmt.Println(op.Name(), op.Qubits)
	}
	// Output:
	// h [0]
	// cx [0 1]
	// measure q0 -> c0
	// measure q1 -> c1
}

// A first invalid call is kept; the rest of the chain does nothing.
func ExampleCircuit_Err() {
	c := circuit.New(2).H(0).CX(0, 2).X(1)
	fmt.Println(len(c.Ops), c.Err())
	// Output:
	// 1 circuit: op 1 (cx): qubit 2 out of range [0, 2)
}

// A parameterised circuit: data inputs x[j] encode a sample, trainable
// weights θ[i] are what training changes; both are bound at run time.
func ExampleBinding() {
	c := circuit.New(2).
		RY(0, circuit.Input(0)).
		RY(1, circuit.Input(1)).
		CX(0, 1).
		RZ(0, circuit.Weight(0).Scale(2)).
		RX(1, circuit.Weight(1).Add(circuit.Input(0)).Offset(math.Pi/2))
	b := circuit.Binding{Weights: []float64{0.1, 0.2}, Inputs: []float64{0.5, -0.5}}
	fmt.Println(c.NumWeights(), "weights,", c.NumInputs(), "inputs, binding error:", c.CheckBinding(b))
	for _, op := range c.Ops {
		if len(op.Params) > 0 {
			fmt.Printf("%s(%v) = %.4f\n", op.Name(), op.Params[0], op.Angles(b)[0])
		}
	}
	// Output:
	// 2 weights, 2 inputs, binding error: <nil>
	// ry(x[0]) = 0.5000
	// ry(x[1]) = -0.5000
	// rz(2*θ[0]) = 0.2000
	// rx(θ[1] + x[0] + 1.5707963267948966) = 2.2708
}

// The inverse circuit runs the ops backwards, each replaced by its inverse.
func ExampleCircuit_Inverse() {
	c := circuit.New(2).S(0).CRX(0, 1, circuit.Weight(0)).U(1, circuit.Const(1), circuit.Const(2), circuit.Const(3))
	inv, err := c.Inverse()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, op := range inv.Ops {
		fmt.Println(op.Name(), op.Qubits, op.Params)
	}
	// Output:
	// u [1] [-1 -3 -2]
	// crx [0 1] [-θ[0]]
	// sdg [0] []
}

// Observables are weighted Pauli sums. Indexed factors name their qubit;
// Qiskit-style labels are read right to left, so "XI" is X on qubit 1.
func ExampleParseObservable() {
	o, err := circuit.ParseObservable("0.5*Z0*Z1 - 1.2*XI + 0.3")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(o)
	fmt.Println(o.NumQubits(), "qubits,", len(o.Terms), "terms")
	_, err = circuit.ParseObservable("Z0*Z0")
	fmt.Println(err)
	// Output:
	// 0.5*Z0*Z1 - 1.2*X1 + 0.3
	// 2 qubits, 3 terms
	// observable "Z0*Z0", column 4: qubit 0 appears twice in one term
}

// Split tells a simulator whether it can sample every shot from one final
// state (terminal measurements) or must run shot by shot.
func ExampleCircuit_Split() {
	c := circuit.New(2).H(0).CX(0, 1).MeasureAll()
	unitary, measures, dynamic := c.Split()
	fmt.Println(len(unitary), len(measures), dynamic)
	// Output:
	// 2 2 false
}
