package classical_test

import (
	"fmt"
	"math"

	"github.com/qmlgo/qml/classical"
)

// The maximum-likelihood pair RBM (tanh²W = tanh K) has exactly the
// decimation flow tanh K′ = tanh² K.
func ExamplePairRBM_Flow() {
	k := 1.0
	w := math.Atanh(math.Sqrt(math.Tanh(k)))
	r := classical.PairRBM{W1: w, W2: w}
	fmt.Printf("learned %.4f, decimation %.4f\n", r.Flow(k), classical.DecimationFlow(k))
	// Output: learned 0.6625, decimation 0.6625
}
