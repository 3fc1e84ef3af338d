package classical_test

import (
	"fmt"

	"github.com/qmlgo/qml/classical"
)

// The NNGP kernel of a one-hidden-layer ReLU network at criticality: for
// orthogonal unit inputs K(x, x) = σ_w²·K⁰/2 = 1/2 and K(x, y) = 1/(2π).
func ExampleNNGPKernel_Eval() {
	k := classical.NNGPKernel{Activation: classical.NNGPReLU, Depth: 1, WeightVar: 2}
	x, y := []float64{1, 0}, []float64{0, 1}
	fmt.Printf("K(x,x) = %.4f, K(x,y) = %.4f\n", k.Eval(x, x), k.Eval(x, y))
	// Output: K(x,x) = 1.0000, K(x,y) = 0.3183
}

// The exact excess kurtosis of a bias-free ReLU network's output,
// 3[(1 + 5/N)^L − 1], grows as 15 L/N for L ≪ N.
func ExampleReLUExcessKurtosis() {
	fmt.Printf("%.5f vs 15L/N = %.5f\n", classical.ReLUExcessKurtosis(10000, 2), 15*2.0/10000)
	// Output: 0.00300 vs 15L/N = 0.00300
}
