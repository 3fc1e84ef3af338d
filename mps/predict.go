package mps

import (
	"math"

	"github.com/qmlgo/qml/circuit"
)

// Time models of the crossover between the dense state vector and the MPS,
// fitted by TestCrossoverTable (QML_LONG=1 go test ./mps -run Crossover) on
// brickwork circuits with n = 16…28 and depth 4…20 on the 2-core reference
// machine, as medians of the measured wall time over the model's variable.
// The last fit (default scalar build, after the cache-blocked state vector
// and linalg's AVX2 kernels, at load average 1–3) gave 7.48e-10 and
// 3.85e-9. Only their ratio matters for the choice; the SIMD build's state
// vector is faster still, so there the rule leans towards the MPS in the
// cells near the crossover. Refit them when either simulator gets faster.
const (
	// stateVectorSeconds is the dense state vector's time per gate per
	// amplitude (each gate streams the whole state).
	stateVectorSeconds = 7.48e-10
	// workSeconds is the MPS's time per unit of Cost.Work, the summed
	// m·n·min(m, n) of its SVDs.
	workSeconds = 3.85e-9
	// splitSeconds is the MPS's fixed time per split, which dominates at
	// small bond dimension.
	splitSeconds = 5e-5
)

// Prediction is the predicted run time of one circuit on each simulator.
type Prediction struct {
	// StateVector is the dense state vector's predicted time in seconds:
	// gates · 2^n · a.
	StateVector float64
	// MPS is the matrix product state's predicted time in seconds:
	// Cost.Work · b + Cost.Splits · c, at the bond-dimension bound of Cost.
	MPS float64
	// Cost is the MPS resource bound the prediction rests on.
	Cost Cost
}

// Predict returns the predicted times of c on the dense state vector and on
// the MPS under opts: the rule by which `qml run --backend auto` picks the
// faster simulator (among those that fit in memory). The MPS side uses the
// bond-dimension bound of EstimateCost, so circuits that entangle little
// (GHZ, shallow circuits) go to the MPS at any size and deep ones on few
// qubits to the state vector. Where the bound overestimates the real bond
// dimensions (circuits whose gates cancel, QFT-like structure), the rule
// errs towards the state vector.
func Predict(c *circuit.Circuit, opts Options) (Prediction, error) {
	cost, err := EstimateCost(c, opts)
	if err != nil {
		return Prediction{}, err
	}
	gates := 0
	for _, op := range c.Ops {
		if op.Kind == circuit.GateOp {
			gates++
		}
	}
	return Prediction{
		StateVector: stateVectorSeconds * float64(gates) * math.Ldexp(1, c.NumQubits),
		MPS:         workSeconds*cost.Work + splitSeconds*float64(cost.Splits),
		Cost:        cost,
	}, nil
}
