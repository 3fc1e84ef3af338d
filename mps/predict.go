package mps

import (
	"math"

	"github.com/qmlgo/qml/circuit"
)

// Time models of the crossover between the dense state vector and the MPS,
// fitted by TestCrossoverTable (QML_LONG=1 go test ./mps -run Crossover) on
// brickwork circuits with n = 16…28 and depth 4…20 on the 2-core reference
// machine, as medians of the measured time over the model's variable (two
// runs on the shared machine gave 2.7–3.1e-9 and 0.7–1.1e-8; with these
// values the rule picked the measured winner in 19 of 19 cells). Only their
// ratio matters for the choice. Refit them when either simulator gets
// faster.
//
// workSeconds was rescaled (1.1e-8 → 9.7e-9) when the SVD moved to divide
// and conquer: BenchmarkBrickworkExact, cells of that table at exact χ
// (full SVDs), took 0.88× the CPU time of the QR-iteration SVD in three
// interleaved runs (n = 16, depth 20: 0.64–0.68 s against 0.72–0.75 s;
// n = 20, depth 12: 0.046–0.061 s against 0.055–0.058 s), on a machine too
// loaded for the full wall-clock table. It was rescaled again (9.7e-9 →
// 5.9e-9) when linalg got its AVX2 kernels and compact-WY blocks: the same
// cells took 0.61× the CPU time of the previous build in two interleaved
// runs (n = 16, depth 20: 0.34–0.35 s against 0.55–0.58 s; n = 20,
// depth 12: 0.028–0.033 s against 0.043–0.046 s).
const (
	// stateVectorSeconds is the dense state vector's time per gate per
	// amplitude (each gate streams the whole state).
	stateVectorSeconds = 2.7e-9
	// workSeconds is the MPS's time per unit of Cost.Work, the summed
	// m·n·min(m, n) of its SVDs.
	workSeconds = 5.9e-9
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
